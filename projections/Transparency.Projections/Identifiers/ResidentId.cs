using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Transparency.Projections.Courts;

namespace Transparency.Projections.Identifiers;

/// <summary>Sex as encoded in the 17th character of a resident ID (GB 11643-1999, 4.3.3: odd is male).</summary>
public enum Sex
{
    Female,
    Male,
}

/// <summary>
/// 公民身份号码 (GB 11643-1999): six-digit region code, birth date yyyyMMdd, three-digit
/// sequence (odd for men), check character (ISO 7064 MOD 11-2, may be X).
/// <para>
/// Personal data: the full number must never reach a public read model, a log or an export
/// (DOMAIN.md). So <see cref="ToString"/>, the debugger and JSON never show it; publish
/// <see cref="Masked"/>, match people with <see cref="MatchKey"/>, and call
/// <see cref="RevealFullNumber"/> only where the law lets the number be seen.
/// </para>
/// </summary>
[JsonConverter(typeof(ResidentIdJsonConverter))]
[DebuggerDisplay("{Masked,nq}")]
public sealed record ResidentId
{
    /// <summary>ISO 7064 MOD 11-2 weights, 2^(17-i) mod 11, for the first 17 digits.</summary>
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Check character for weighted sum mod 11 = 0, 1, ..., 10.</summary>
    private const string CheckCharacters = "10X98765432";

    /// <summary>Minimum HMAC key length: RFC 2104 §3 advises at least the hash output length.</summary>
    public const int MinimumMatchKeyLength = 32;

    // Region codes outside the 31 provinces that appear on valid numbers: Taiwan (71),
    // and residence permits for Hong Kong (81), Macao (82) and Taiwan (83) residents.
    private static readonly string[] OtherRegionPrefixes = ["71", "81", "82", "83"];

    private readonly string _number;

    private ResidentId(string number, DateOnly birthDate)
    {
        _number = number;
        BirthDate = birthDate;
    }

    /// <summary>行政区划代码 where the number was first issued (GB/T 2260).</summary>
    public string RegionCode => _number[..6];

    /// <summary>Birth year; public, it is shown in the masked form.</summary>
    public int BirthYear => BirthDate.Year;

    public Sex Sex => (_number[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>
    /// As the national portal publishes it: month and day hidden, 3423011964****3224
    /// (region, birth year, four stars, sequence and check).
    /// </summary>
    public string Masked => string.Concat(_number.AsSpan(0, 10), "****", _number.AsSpan(14, 4));

    private DateOnly BirthDate { get; }

    /// <summary>The full 18-character number. Never put it in a public model, a log or an export.</summary>
    public string RevealFullNumber() => _number;

    /// <summary>
    /// HMAC-SHA256 of the full number under a secret key, lowercase hex: the same person
    /// gets the same key across cases, and without the key the hash cannot be reversed by
    /// enumerating the (small) space of valid numbers.
    /// </summary>
    public string MatchKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumMatchKeyLength)
        {
            throw new ArgumentException($"The key must be at least {MinimumMatchKeyLength} bytes.", nameof(key));
        }

        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(_number), hash);
        return Convert.ToHexStringLower(hash);
    }

    public override string ToString() => Masked;

    /// <summary>Parses against today's date in China (a birth date may not be in the future).</summary>
    public static ParseResult<ResidentId> Parse(string? input) =>
        Parse(input, IdentifierClock.Today(TimeProvider.System));

    public static ParseResult<ResidentId> Parse(string? input, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return ResidentIdErrors.Empty;
        }

        var text = input.Trim().ToUpperInvariant();
        if (text.Length != 18)
        {
            return ResidentIdErrors.Length(text.Length);
        }

        if (text.AsSpan(0, 17).ContainsAnyExcept(Digits) || !(char.IsAsciiDigit(text[17]) || text[17] == 'X'))
        {
            return ResidentIdErrors.Characters;
        }

        var prefix = text[..2];
        if (Province.FromDivisionPrefix(prefix) is null && !OtherRegionPrefixes.Contains(prefix))
        {
            return ResidentIdErrors.Region;
        }

        if (!DateOnly.TryParseExact(text.AsSpan(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var birthDate))
        {
            return ResidentIdErrors.BirthDateInvalid;
        }

        if (birthDate.Year < 1900 || birthDate > today)
        {
            return ResidentIdErrors.BirthDateRange;
        }

        if (CheckCharacter(text.AsSpan(0, 17)) != text[17])
        {
            return ResidentIdErrors.CheckCharacter;
        }

        return ParseResult<ResidentId>.Success(new ResidentId(text, birthDate));
    }

    public static bool TryParse(string? input, [NotNullWhen(true)] out ResidentId? id)
    {
        id = Parse(input).Value;
        return id is not null;
    }

    public static bool TryParse(string? input, [NotNullWhen(true)] out ResidentId? id, [NotNullWhen(false)] out IdentifierError? error)
    {
        var result = Parse(input);
        id = result.Value;
        error = result.Error;
        return result.IsSuccess;
    }

    /// <summary>ISO 7064 MOD 11-2 check character over the first 17 digits.</summary>
    internal static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");
}

/// <summary>Why a resident ID number was rejected. None of them repeats the number.</summary>
public static class ResidentIdErrors
{
    public static IdentifierError Empty { get; } = new(
        "resident-id.empty", "身份证号码为空", "The resident ID number is empty.");

    public static IdentifierError Length(int found) => new(
        "resident-id.length",
        $"身份证号码应为 18 位，实际为 {found} 位",
        $"A resident ID number has 18 characters; this one has {found}.");

    public static IdentifierError Characters { get; } = new(
        "resident-id.characters",
        "身份证号码前 17 位应为数字，最后一位为数字或 X",
        "The first 17 characters must be digits and the last a digit or X.");

    public static IdentifierError Region { get; } = new(
        "resident-id.region",
        "身份证号码前两位不是省级行政区划代码",
        "The first two digits are not a provincial division code.");

    public static IdentifierError BirthDateInvalid { get; } = new(
        "resident-id.birth-date.invalid",
        "第 7 至 14 位不是有效的出生日期",
        "Characters 7 to 14 are not a valid birth date.");

    public static IdentifierError BirthDateRange { get; } = new(
        "resident-id.birth-date.range",
        "出生日期应在 1900 年之后且不晚于今天",
        "The birth date must be in 1900 or later and not in the future.");

    public static IdentifierError CheckCharacter { get; } = new(
        "resident-id.check-character",
        "校验码不符（GB 11643-1999，ISO 7064 MOD 11-2）",
        "The check character does not match (GB 11643-1999, ISO 7064 MOD 11-2).");
}

/// <summary>
/// Refuses to serialise a resident ID either way: events and read models carry the masked
/// form and the match key as plain strings, so a full number can never slip into JSON.
/// </summary>
public sealed class ResidentIdJsonConverter : JsonConverter<ResidentId>
{
    private const string Message =
        "A resident ID is never serialised; store ResidentId.Masked and ResidentId.MatchKey(key) instead.";

    public override ResidentId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException(Message);

    public override void Write(Utf8JsonWriter writer, ResidentId value, JsonSerializerOptions options) =>
        throw new NotSupportedException(Message);
}
