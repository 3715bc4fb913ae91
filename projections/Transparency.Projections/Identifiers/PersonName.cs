namespace Transparency.Projections.Identifiers;

/// <summary>
/// How a natural person's name is published where it must be masked (DOMAIN.md, read
/// models): the surname stays, every other character becomes one <c>*</c>: 张三丰 → 张**,
/// 欧阳修 → 欧阳*. Organisations' names are published in full and never pass through here.
/// </summary>
public static class PersonName
{
    /// <summary>Two-character surnames (复姓) still in use; a name starting with one keeps both characters.</summary>
    public static IReadOnlySet<string> CompoundSurnames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
        "宇文", "司徒", "司空", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门",
        "百里", "呼延", "申屠", "太史", "澹台", "公冶", "万俟", "闻人", "赫连", "钟离",
        "宗政", "濮阳", "淳于", "单于", "太叔", "公羊", "仲孙", "亓官", "司寇", "颛孙",
        "拓跋", "东郭", "第五", "梁丘", "左丘", "东门", "羊舌", "微生", "公西", "谷梁",
        "段干", "乐正", "巫马", "漆雕", "壤驷", "公良", "夹谷", "宰父", "鲜于", "闾丘",
    };

    /// <summary>
    /// The surname as published: a compound surname when the name starts with one and has a
    /// given name after it (a two-character 司马 is surname 司, given name 马), else the first
    /// character.
    /// </summary>
    public static string Surname(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var characters = Characters(fullName);
        return string.Concat(characters.Take(SurnameLength(characters)));
    }

    /// <summary>
    /// 张三 → 张*, 欧阳娜娜 → 欧阳**. Separators of transliterated names (· in 阿依古丽·买买提,
    /// spaces) are kept so the shape stays readable. A one-character name has no given name
    /// to hide, so it is masked whole rather than published in full. Masking a masked name
    /// changes nothing, so a name published in full while listed can be masked again later.
    /// </summary>
    public static string Mask(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var trimmed = fullName.Trim();
        if (IsOneCharPerCharacter(trimmed))
        {
            return MaskChars(trimmed);
        }
        var characters = Characters(trimmed);
        if (characters.Length <= 1)
        {
            return new string('*', characters.Length);
        }

        var surnameLength = SurnameLength(characters);
        return string.Concat(characters.Take(surnameLength))
            + string.Concat(characters.Skip(surnameLength).Select(c => IsSeparator(c) ? c : "*"));
    }

    // The projection masks every party's name on every event it applies, so the common case (Han
    // characters, ASCII, the name separators) skips text-element segmentation: each of those chars is
    // a character of its own, never joined to a neighbour, and the result is the same.
    private static bool IsOneCharPerCharacter(string name)
    {
        foreach (var c in name)
        {
            var simple = c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (> ' ' and < '\u007F')
                or '·' or '•' or '・' or ' ';
            if (!simple)
            {
                return false;
            }
        }
        return true;
    }

    private static string MaskChars(string name)
    {
        if (name.Length <= 1)
        {
            return new string('*', name.Length);
        }
        var surnameLength = name.Length >= 3 && CompoundLookup.Contains(name.AsSpan(0, 2)) ? 2 : 1;
        if (IsMasked(name, surnameLength))
        {
            return name;
        }
        return string.Create(name.Length, (name, surnameLength), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.name[i];
                span[i] = i < state.surnameLength || IsSeparator(c) ? c : '*';
            }
        });
    }

    // The fold masks every person's name again on every event, and most are masked already.
    private static bool IsMasked(string name, int surnameLength)
    {
        for (var i = surnameLength; i < name.Length; i++)
        {
            if (name[i] != '*' && !IsSeparator(name[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CompoundLookup =
        ((HashSet<string>)CompoundSurnames).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsSeparator(char c) => c is '·' or '•' or '・' or '.' || char.IsWhiteSpace(c);

    private static int SurnameLength(string[] characters)
    {
        if (characters.Length == 0)
        {
            return 0;
        }

        return characters.Length >= 3 && CompoundSurnames.Contains(characters[0] + characters[1]) ? 2 : 1;
    }

    // Text elements, not chars: rare surnames outside the Basic Multilingual Plane (𠮷) are
    // two UTF-16 chars but one character, and must be kept or masked whole.
    private static string[] Characters(string name)
    {
        var trimmed = name.Trim();
        var characters = new List<string>(trimmed.Length);
        var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(trimmed);
        while (enumerator.MoveNext())
        {
            characters.Add(enumerator.GetTextElement());
        }

        return [.. characters];
    }

    private static bool IsSeparator(string c) =>
        c is "·" or "•" or "・" or "." || (c.Length == 1 && char.IsWhiteSpace(c[0]));
}
