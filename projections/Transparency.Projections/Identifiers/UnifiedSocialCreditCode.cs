using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Transparency.Projections.Courts;

namespace Transparency.Projections.Identifiers;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): registration authority (1 character), organisation type
/// (1), registering authority's administrative division code (6, GB/T 2260), organisation
/// code (9, GB 11714-1997, with its own check character) and check character (1, mod 31).
/// Organisations' codes are public (DOMAIN.md), so this prints in full.
/// </summary>
[JsonConverter(typeof(UnifiedSocialCreditCodeJsonConverter))]
public sealed record UnifiedSocialCreditCode
{
    /// <summary>GB 32100-2015, 4.2: the code's character set, digits and uppercase letters without I, O, Z, S, V; a character's value is its index.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>GB 32100-2015, 5.3: weight of position i is 3^(i) mod 31.</summary>
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>GB 11714-1997, 5: weights of the eight body characters of an organisation code.</summary>
    private static readonly int[] OrganisationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>
    /// Registration authority → the organisation type codes it may issue. GB 32100-2015 Table 1
    /// allocated 1, 5, 9 and Y; the others were allocated later by the standardisation
    /// administration as more registries joined.
    /// </summary>
    public static IReadOnlyDictionary<char, string> OrganisationTypesByAuthority { get; } = new Dictionary<char, string>
    {
        ['1'] = "1239", // 机构编制: 机关, 事业单位, 中央编办直接管理的群众团体, 其他
        ['2'] = "19", // 外交: 外国常驻新闻机构, 其他
        ['3'] = "123459", // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
        ['4'] = "19", // 文化: 外国在华文化中心, 其他
        ['5'] = "1239", // 民政: 社会团体, 民办非企业单位, 基金会, 其他
        ['6'] = "129", // 旅游: 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻内地代表机构, 其他
        ['7'] = "129", // 宗教: 宗教活动场所, 宗教院校, 其他
        ['8'] = "19", // 工会: 基层工会, 其他
        ['9'] = "123", // 工商: 企业, 个体工商户, 农民专业合作社
        ['A'] = "19", // 中央军委改革和编制办公室: 军队事业单位, 其他
        ['N'] = "1239", // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
        ['Y'] = "1", // 其他
    };

    private UnifiedSocialCreditCode(string value) => Value = value;

    /// <summary>The 18 characters.</summary>
    public string Value { get; }

    /// <summary>登记管理部门代码: 9 for market regulation (formerly industry and commerce), 5 for civil affairs, ...</summary>
    public char RegistrationAuthority => Value[0];

    /// <summary>机构类别代码: meaning depends on the authority; 91 is an enterprise, 92 an individual business.</summary>
    public char OrganisationType => Value[1];

    /// <summary>登记管理机关行政区划码 (GB/T 2260).</summary>
    public string DivisionCode => Value[2..8];

    /// <summary>主体标识码: the organisation code under GB 11714-1997, check character included.</summary>
    public string OrganisationCode => Value[8..17];

    public override string ToString() => Value;

    public static ParseResult<UnifiedSocialCreditCode> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return UnifiedSocialCreditCodeErrors.Empty;
        }

        var text = input.Trim().ToUpperInvariant();
        if (text.Length != 18)
        {
            return UnifiedSocialCreditCodeErrors.Length(text.Length);
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!Alphabet.Contains(text[i], StringComparison.Ordinal))
            {
                return UnifiedSocialCreditCodeErrors.Character(i + 1, text[i]);
            }
        }

        if (!OrganisationTypesByAuthority.TryGetValue(text[0], out var types))
        {
            return UnifiedSocialCreditCodeErrors.Authority(text[0]);
        }

        if (!types.Contains(text[1], StringComparison.Ordinal))
        {
            return UnifiedSocialCreditCodeErrors.OrganisationTypeCode(text[0], text[1]);
        }

        var division = text[2..8];
        // 100000 is the whole country: codes of central bodies registered nationally.
        if (!division.All(char.IsAsciiDigit)
            || (Province.FromDivisionPrefix(division[..2]) is null && division != "100000"))
        {
            return UnifiedSocialCreditCodeErrors.Division;
        }

        if (OrganisationCodeCheck(text.AsSpan(8, 8)) != text[16])
        {
            return UnifiedSocialCreditCodeErrors.OrganisationCodeCheck;
        }

        if (CheckCharacter(text.AsSpan(0, 17)) != text[17])
        {
            return UnifiedSocialCreditCodeErrors.CheckCharacter;
        }

        return ParseResult<UnifiedSocialCreditCode>.Success(new UnifiedSocialCreditCode(text));
    }

    public static bool TryParse(string? input, [NotNullWhen(true)] out UnifiedSocialCreditCode? code)
    {
        code = Parse(input).Value;
        return code is not null;
    }

    public static bool TryParse(string? input, [NotNullWhen(true)] out UnifiedSocialCreditCode? code, [NotNullWhen(false)] out IdentifierError? error)
    {
        var result = Parse(input);
        code = result.Value;
        error = result.Error;
        return result.IsSuccess;
    }

    /// <summary>GB 32100-2015, 5.3: C18 = 31 − (Σ value × weight mod 31), 31 written as 0.</summary>
    internal static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>
    /// GB 11714-1997: C9 = 11 − (Σ value × weight mod 11), 10 written X and 11 written 0;
    /// digits count as themselves and letters A–Z as 10–35.
    /// </summary>
    internal static char OrganisationCodeCheck(ReadOnlySpan<char> body8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body8[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * OrganisationCodeWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var digit => (char)('0' + digit),
        };
    }
}

/// <summary>Why a unified social credit code was rejected.</summary>
public static class UnifiedSocialCreditCodeErrors
{
    public static IdentifierError Empty { get; } = new(
        "uscc.empty", "统一社会信用代码为空", "The unified social credit code is empty.");

    public static IdentifierError Length(int found) => new(
        "uscc.length",
        $"统一社会信用代码应为 18 位，实际为 {found} 位",
        $"A unified social credit code has 18 characters; this one has {found}.");

    public static IdentifierError Character(int position, char found) => new(
        "uscc.character",
        $"第 {position} 位“{found}”不在代码字符集内（数字及除 I、O、Z、S、V 外的大写字母）",
        $"Character {position} '{found}' is not allowed: only digits and uppercase letters other than I, O, Z, S, V.");

    public static IdentifierError Authority(char found) => new(
        "uscc.authority",
        $"第 1 位登记管理部门代码“{found}”不存在",
        $"'{found}' in position 1 is not a registration authority code.");

    public static IdentifierError OrganisationTypeCode(char authority, char found) => new(
        "uscc.organisation-type",
        $"登记管理部门“{authority}”下没有机构类别代码“{found}”",
        $"Registration authority '{authority}' has no organisation type '{found}'.");

    public static IdentifierError Division { get; } = new(
        "uscc.division",
        "第 3 至 8 位应为行政区划代码（六位数字，以省级代码开头）",
        "Characters 3 to 8 must be an administrative division code: six digits starting with a provincial prefix.");

    public static IdentifierError OrganisationCodeCheck { get; } = new(
        "uscc.organisation-code.check",
        "第 9 至 17 位组织机构代码的校验码不符（GB 11714-1997）",
        "The check character of the organisation code in characters 9 to 17 does not match (GB 11714-1997).");

    public static IdentifierError CheckCharacter { get; } = new(
        "uscc.check-character",
        "第 18 位校验码不符（GB 32100-2015）",
        "The check character in position 18 does not match (GB 32100-2015).");
}

/// <summary>Stores a unified social credit code as its 18 characters.</summary>
public sealed class UnifiedSocialCreditCodeJsonConverter : JsonConverter<UnifiedSocialCreditCode>
{
    public override UnifiedSocialCreditCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = UnifiedSocialCreditCode.Parse(reader.GetString());
        return result.IsSuccess ? result.Value : throw new JsonException(result.Error.ToString());
    }

    public override void Write(Utf8JsonWriter writer, UnifiedSocialCreditCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
