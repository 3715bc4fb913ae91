using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Transparency.Projections.Courts;

namespace Transparency.Projections.Identifiers;

/// <summary>
/// 案号 of an enforcement case: （年度）法院代字 类型代字 序号 号, e.g. （2024）川0104执1234号
/// (SPC rules on case numbers, 法〔2015〕137号, in force 2016-01-01). Older numbers in the pre-2016
/// form （2015）阿执字第00294号 parse too and are flagged <see cref="IsLegacy"/>: their court
/// part is free text, not a <see cref="CourtCode"/>.
/// Equality is on the canonical form; <see cref="ToString"/> prints it with full-width
/// parentheses and no spaces.
/// </summary>
[JsonConverter(typeof(CaseNumberJsonConverter))]
public sealed partial record CaseNumber
{
    /// <summary>The first year with a case number worth accepting: the People's Republic's first.</summary>
    public const int FirstYear = 1949;

    /// <summary>Longest sequence accepted: twelve digits, far beyond any court's yearly count.</summary>
    public const long MaxSequence = 999_999_999_999;

    private const char Open = '（';
    private const char Close = '）';

    private CaseNumber(int year, CourtCode? court, string? legacyCourt, EnforcementType type, long sequence, string sequenceText)
    {
        Year = year;
        Court = court;
        LegacyCourt = legacyCourt;
        Type = type;
        Sequence = sequence;
        SequenceText = sequenceText;
    }

    /// <summary>年度: the year the case was filed.</summary>
    public int Year { get; }

    /// <summary>The court; null for a legacy number, whose court part is free text.</summary>
    public CourtCode? Court { get; }

    /// <summary>The court part of a legacy number (阿 in （2015）阿执字第00294号); null otherwise.</summary>
    public string? LegacyCourt { get; }

    public EnforcementType Type { get; }

    /// <summary>序号: the case's running number within court, year and type.</summary>
    public long Sequence { get; }

    // Legacy numbers were often zero-padded (00294); the padding is part of how they were issued.
    private string SequenceText { get; }

    [MemberNotNullWhen(true, nameof(LegacyCourt))]
    [MemberNotNullWhen(false, nameof(Court))]
    public bool IsLegacy => Court is null;

    /// <summary>A current-form number; throws <see cref="ArgumentOutOfRangeException"/> for a year or sequence out of range.</summary>
    public static CaseNumber Create(int year, CourtCode court, EnforcementType type, long sequence)
    {
        ArgumentNullException.ThrowIfNull(court);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return new CaseNumber(year, court, null, type, sequence, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Parses against today's date in China (the year may be at most next year).</summary>
    public static ParseResult<CaseNumber> Parse(string? input) =>
        Parse(input, IdentifierClock.Today(TimeProvider.System));

    /// <summary>Parses; the year must lie between 1949 and the year after <paramref name="today"/>.</summary>
    public static ParseResult<CaseNumber> Parse(string? input, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return CaseNumberErrors.Empty;
        }

        var text = Normalise(input);
        if (text[0] != Open)
        {
            return CaseNumberErrors.YearParentheses;
        }

        var close = text.IndexOf(Close, StringComparison.Ordinal);
        if (close < 0)
        {
            return CaseNumberErrors.YearParentheses;
        }

        var yearText = text[1..close];
        if (yearText.Length != 4 || !yearText.All(char.IsAsciiDigit))
        {
            return CaseNumberErrors.YearDigits;
        }

        var year = int.Parse(yearText, System.Globalization.CultureInfo.InvariantCulture);
        // A case cannot be filed before the courts existed; next year is allowed because
        // courts near New Year may number a case before the clocks here agree.
        if (year < FirstYear || year > today.Year + 1)
        {
            return CaseNumberErrors.YearRange(today.Year + 1);
        }

        if (!text.EndsWith('号'))
        {
            return CaseNumberErrors.MissingHao;
        }

        var body = text[(close + 1)..^1];
        return body.Contains("字第", StringComparison.Ordinal)
            ? ParseLegacy(year, body)
            : ParseCurrent(year, body);
    }

    public static bool TryParse(string? input, [NotNullWhen(true)] out CaseNumber? caseNumber)
    {
        caseNumber = Parse(input).Value;
        return caseNumber is not null;
    }

    public static bool TryParse(
        string? input,
        [NotNullWhen(true)] out CaseNumber? caseNumber,
        [NotNullWhen(false)] out IdentifierError? error)
    {
        var result = Parse(input);
        caseNumber = result.Value;
        error = result.Error;
        return result.IsSuccess;
    }

    public override string ToString()
    {
        var court = IsLegacy ? LegacyCourt : Court.ToString();
        var middle = IsLegacy ? "字第" : "";
        return $"{Open}{Year}{Close}{court}{Type.ToCode()}{middle}{SequenceText}号";
    }

    // （2024）川0104执1234号 without the year and 号: 川0104执1234.
    private static ParseResult<CaseNumber> ParseCurrent(int year, string body)
    {
        if (body.Length == 0)
        {
            return CaseNumberErrors.CourtMissing;
        }

        var province = Province.FromCourtAbbreviation(body[0]);
        if (province is null)
        {
            return CaseNumberErrors.UnknownProvince(body[0]);
        }

        var digitsEnd = 1;
        while (digitsEnd < body.Length && char.IsAsciiDigit(body[digitsEnd]))
        {
            digitsEnd++;
        }

        var court = CourtCode.FromDigits(province, body[1..digitsEnd]);
        if (!court.IsSuccess)
        {
            return CaseNumberErrors.Court(court.Error);
        }

        var rest = body[digitsEnd..];
        var sequenceStart = 0;
        while (sequenceStart < rest.Length && !char.IsAsciiDigit(rest[sequenceStart]))
        {
            sequenceStart++;
        }

        var typeCode = rest[..sequenceStart];
        if (EnforcementTypeCodes.FromCode(typeCode) is not { } type)
        {
            return CaseNumberErrors.NotEnforcementType(typeCode);
        }

        var sequenceText = rest[sequenceStart..];
        if (!TryReadSequence(sequenceText, out var sequence))
        {
            return CaseNumberErrors.SequenceInvalid;
        }

        // The current form prints the sequence unpadded; 01234 and 1234 are one case.
        return ParseResult<CaseNumber>.Success(new CaseNumber(
            year, court.Value, null, type, sequence, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    // （2015）阿执字第00294号 without the year and 号: 阿执字第00294.
    private static ParseResult<CaseNumber> ParseLegacy(int year, string body)
    {
        var match = LegacyEnforcementBody().Match(body);
        if (!match.Success)
        {
            // Well formed but not enforcement (民初字, 刑终字 ...) gets the precise error.
            return LegacyAnyBody().IsMatch(body)
                ? CaseNumberErrors.NotEnforcementType(null)
                : CaseNumberErrors.LegacyMalformed;
        }

        var type = EnforcementTypeCodes.FromCode(match.Groups["type"].Value)!.Value;
        var sequenceText = match.Groups["seq"].Value;
        if (!TryReadSequence(sequenceText, out var sequence))
        {
            return CaseNumberErrors.SequenceInvalid;
        }

        return ParseResult<CaseNumber>.Success(new CaseNumber(
            year, null, match.Groups["court"].Value, type, sequence, sequenceText));
    }

    private static bool TryReadSequence(string text, out long sequence)
    {
        sequence = 0;
        return text.Length is > 0 and <= 12
            && text.All(char.IsAsciiDigit)
            && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out sequence)
            && sequence > 0;
    }

    // Input tolerance: half-width parentheses, full-width digits, and any spaces
    // (including the ideographic space U+3000) are common in typed and OCR'd numbers.
    private static string Normalise(string input)
    {
        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(c switch
            {
                '(' => Open,
                ')' => Close,
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                _ => c,
            });
        }

        return builder.ToString();
    }

    // Court part: one or more ideographs, shortest first, then an enforcement type code.
    [GeneratedRegex(@"^(?<court>\p{IsCJKUnifiedIdeographs}+?)(?<type>执[恢保异复监协他]?)字第(?<seq>\d+)$")]
    private static partial Regex LegacyEnforcementBody();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{2,}字第\d+$")]
    private static partial Regex LegacyAnyBody();
}

/// <summary>Why a case number was rejected.</summary>
public static class CaseNumberErrors
{
    public static IdentifierError Empty { get; } = new(
        "case-number.empty", "案号为空", "The case number is empty.");

    public static IdentifierError YearParentheses { get; } = new(
        "case-number.year.parentheses",
        "案号应以括号内的年度开头，如“（2024）”",
        "A case number starts with the year in parentheses, such as （2024）.");

    public static IdentifierError YearDigits { get; } = new(
        "case-number.year.digits",
        "括号内的年度应为四位数字",
        "The year in parentheses must be four digits.");

    public static IdentifierError YearRange(int latest) => new(
        "case-number.year.range",
        $"年度应在 {CaseNumber.FirstYear} 年至 {latest} 年之间",
        $"The year must lie between {CaseNumber.FirstYear} and {latest}.");

    public static IdentifierError MissingHao { get; } = new(
        "case-number.hao.missing",
        "案号应以“号”结尾",
        "A case number ends with 号.");

    public static IdentifierError CourtMissing { get; } = new(
        "case-number.court.missing",
        "年度之后应为法院代字，如“川0104”",
        "The court code, such as 川0104, must follow the year.");

    public static IdentifierError UnknownProvince(char found) => new(
        "case-number.court.province",
        $"法院代字应以省级行政区简称开头（如“川”“豫”），“{found}”不是",
        $"The court code starts with one of the 31 provincial abbreviations (such as 川 or 豫); '{found}' is not one.");

    public static IdentifierError Court(IdentifierError courtError) => new(
        "case-number.court." + courtError.Code["court-code.".Length..],
        "法院代字有误：" + courtError.MessageZh,
        "The court code is wrong: " + courtError.MessageEn);

    public static IdentifierError NotEnforcementType(string? found) => new(
        "case-number.type",
        "类型代字应为执、执恢、执保、执异、执复、执监、执协或执他之一" + (string.IsNullOrEmpty(found) ? "" : $"，“{found}”不是执行案件类型"),
        "The case type must be one of 执, 执恢, 执保, 执异, 执复, 执监, 执协, 执他" + (string.IsNullOrEmpty(found) ? "." : $"; '{found}' is not an enforcement case type."));

    public static IdentifierError SequenceInvalid { get; } = new(
        "case-number.sequence",
        "类型代字之后应为正整数序号，再接“号”",
        "The case type is followed by a positive sequence number and then 号.");

    public static IdentifierError LegacyMalformed { get; } = new(
        "case-number.legacy.malformed",
        "旧式案号应为“（年度）法院简称 类型 字第 序号 号”，如“（2015）阿执字第00294号”",
        "An old-style case number reads （year）court type 字第 sequence 号, such as （2015）阿执字第00294号.");
}

/// <summary>Stores a case number as its canonical text.</summary>
public sealed class CaseNumberJsonConverter : JsonConverter<CaseNumber>
{
    public override CaseNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = CaseNumber.Parse(reader.GetString());
        return result.IsSuccess ? result.Value : throw new JsonException(result.Error.ToString());
    }

    public override void Write(Utf8JsonWriter writer, CaseNumber value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
