using System.Text.Json;
using System.Text.Json.Serialization;
using Transparency.Projections.Identifiers;

namespace Transparency.Projections.Courts;

/// <summary>
/// 法院代字: the court part of a case number (SPC 2015 rules on case numbers): the province's
/// abbreviation, then the last digits of the court's administrative division code: four for a
/// basic court (川0104, from 510104), two for an intermediate court (川01, from 5101), none
/// for the high court (川).
/// </summary>
[JsonConverter(typeof(CourtCodeJsonConverter))]
public sealed record CourtCode
{
    private CourtCode(Province province, string digits)
    {
        Province = province;
        Digits = digits;
    }

    public Province Province { get; }

    /// <summary>"", two or four digits.</summary>
    public string Digits { get; }

    public CourtLevel Level => Digits.Length switch
    {
        0 => CourtLevel.High,
        2 => CourtLevel.Intermediate,
        _ => CourtLevel.Basic,
    };

    /// <summary>
    /// The code of the court one level up by the code's own structure (川0104 → 川01 → 川).
    /// Null for a high court. Special courts (railway, forestry) may sit elsewhere; the
    /// directory's <see cref="Court.Parent"/> is authoritative.
    /// </summary>
    public CourtCode? StructuralParent => Digits.Length switch
    {
        0 => null,
        2 => new CourtCode(Province, ""),
        _ => new CourtCode(Province, Digits[..2]),
    };

    public static ParseResult<CourtCode> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return CourtCodeErrors.Empty;
        }

        var text = input.Trim();
        var province = Province.FromCourtAbbreviation(text[0]);
        if (province is null)
        {
            return CourtCodeErrors.UnknownProvince(text[0]);
        }

        return FromDigits(province, text[1..]);
    }

    public static bool TryParse(string? input, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CourtCode? code)
    {
        code = Parse(input).Value;
        return code is not null;
    }

    /// <summary>The court code for a GB/T 2260 division code: 510000 → 川, 510100 → 川01, 510104 → 川0104.</summary>
    public static ParseResult<CourtCode> FromDivisionCode(string divisionCode)
    {
        ArgumentNullException.ThrowIfNull(divisionCode);
        if (divisionCode.Length != 6 || !divisionCode.All(char.IsAsciiDigit))
        {
            return CourtCodeErrors.DivisionCode;
        }

        var province = Province.FromDivisionPrefix(divisionCode[..2]);
        if (province is null)
        {
            return CourtCodeErrors.DivisionCode;
        }

        var digits = divisionCode[2..] switch
        {
            "0000" => "",
            var rest when rest.EndsWith("00", StringComparison.Ordinal) => rest[..2],
            var rest => rest,
        };
        return FromDigits(province, digits);
    }

    internal static ParseResult<CourtCode> FromDigits(Province province, string digits)
    {
        if (!digits.All(char.IsAsciiDigit) || digits.Length is not (0 or 2 or 4))
        {
            return CourtCodeErrors.DigitCount;
        }

        // 00 names the province itself, and a basic court's last pair 00 the prefecture:
        // neither is a court below the high court.
        if (digits.Length >= 2 && digits[..2] == "00")
        {
            return CourtCodeErrors.ZeroPrefecture;
        }

        if (digits.Length == 4 && digits[2..] == "00")
        {
            return CourtCodeErrors.ZeroCounty;
        }

        return ParseResult<CourtCode>.Success(new CourtCode(province, digits));
    }

    public override string ToString() => Province.CourtAbbreviation + Digits;
}

/// <summary>Why a court code was rejected.</summary>
public static class CourtCodeErrors
{
    public static IdentifierError Empty { get; } = new(
        "court-code.empty", "法院代字为空", "The court code is empty.");

    public static IdentifierError UnknownProvince(char found) => new(
        "court-code.province.unknown",
        $"法院代字应以省级行政区简称开头（如“川”“豫”），“{found}”不是",
        $"A court code starts with one of the 31 provincial abbreviations (such as 川 or 豫); '{found}' is not one.");

    public static IdentifierError DigitCount { get; } = new(
        "court-code.digits",
        "省级简称后应为四位数字（基层法院）、两位数字（中级法院）或没有数字（高级法院）",
        "After the provincial abbreviation come four digits (basic court), two digits (intermediate court) or none (high court).");

    public static IdentifierError ZeroPrefecture { get; } = new(
        "court-code.digits.zero-prefecture",
        "地市代码不能为 00",
        "The prefecture digits cannot be 00.");

    public static IdentifierError ZeroCounty { get; } = new(
        "court-code.digits.zero-county",
        "基层法院的县级代码不能为 00",
        "A basic court's county digits cannot be 00.");

    public static IdentifierError DivisionCode { get; } = new(
        "court-code.division-code",
        "行政区划代码应为六位数字且以省级代码开头",
        "An administrative division code is six digits starting with a provincial prefix.");
}

/// <summary>Stores a court code as its text, 川0104.</summary>
public sealed class CourtCodeJsonConverter : JsonConverter<CourtCode>
{
    public override CourtCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = CourtCode.Parse(reader.GetString());
        return result.IsSuccess ? result.Value : throw new JsonException(result.Error.ToString());
    }

    public override void Write(Utf8JsonWriter writer, CourtCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
