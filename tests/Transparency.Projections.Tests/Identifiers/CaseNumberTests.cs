using System.Text.Json;
using Transparency.Projections.Courts;
using Transparency.Projections.Identifiers;

namespace Transparency.Projections.Tests.Identifiers;

public sealed class CaseNumberTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [Theory]
    [InlineData("（2024）川0104执1234号", "（2024）川0104执1234号", 2024, "川0104", EnforcementType.First, 1234)]
    [InlineData("(2024)川0104执1234号", "（2024）川0104执1234号", 2024, "川0104", EnforcementType.First, 1234)]
    [InlineData(" ( 2024 ) 川 0104 执 1234 号 ", "（2024）川0104执1234号", 2024, "川0104", EnforcementType.First, 1234)]
    [InlineData("（2024）\u3000川0104\u3000执恢12号", "（2024）川0104执恢12号", 2024, "川0104", EnforcementType.Resumed, 12)]
    [InlineData("（２０２４）川０１０４执１２３４号", "（2024）川0104执1234号", 2024, "川0104", EnforcementType.First, 1234)]
    [InlineData("（2024）川0104执01234号", "（2024）川0104执1234号", 2024, "川0104", EnforcementType.First, 1234)]
    [InlineData("（2023）川01执保5号", "（2023）川01执保5号", 2023, "川01", EnforcementType.Preservation, 5)]
    [InlineData("（2022）豫执复3号", "（2022）豫执复3号", 2022, "豫", EnforcementType.Review, 3)]
    [InlineData("（2021）豫0102执异77号", "（2021）豫0102执异77号", 2021, "豫0102", EnforcementType.Objection, 77)]
    [InlineData("（2020）川执监8号", "（2020）川执监8号", 2020, "川", EnforcementType.Supervision, 8)]
    [InlineData("（2019）豫01执协2号", "（2019）豫01执协2号", 2019, "豫01", EnforcementType.Coordination, 2)]
    [InlineData("（2018）川0104执他9号", "（2018）川0104执他9号", 2018, "川0104", EnforcementType.Other, 9)]
    [InlineData("（2016）内01执1号", "（2016）内01执1号", 2016, "内01", EnforcementType.First, 1)]
    [InlineData("（1949）京执1号", "（1949）京执1号", 1949, "京", EnforcementType.First, 1)]
    [InlineData("（2026）川0104执1号", "（2026）川0104执1号", 2026, "川0104", EnforcementType.First, 1)]
    [InlineData("（2024）川0104执999999999999号", "（2024）川0104执999999999999号", 2024, "川0104", EnforcementType.First, CaseNumber.MaxSequence)]
    public void Parses_current_numbers_into_their_parts_and_prints_them_canonically(
        string input, string canonical, int year, string court, EnforcementType type, long sequence)
    {
        var result = CaseNumber.Parse(input, Today);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var number = result.Value!;
        Assert.Equal(canonical, number.ToString());
        Assert.Equal(year, number.Year);
        Assert.Equal(court, number.Court!.ToString());
        Assert.Equal(type, number.Type);
        Assert.Equal(sequence, number.Sequence);
        Assert.False(number.IsLegacy);
        Assert.Null(number.LegacyCourt);
    }

    [Theory]
    [InlineData("(2015)阿执字第00294号", "（2015）阿执字第00294号", "阿", EnforcementType.First, 294)]
    [InlineData("（2014）成执恢字第12号", "（2014）成执恢字第12号", "成", EnforcementType.Resumed, 12)]
    [InlineData("（2013） 锦江执异字第5号", "（2013）锦江执异字第5号", "锦江", EnforcementType.Objection, 5)]
    [InlineData("（2012）豫法执监字第3号", "（2012）豫法执监字第3号", "豫法", EnforcementType.Supervision, 3)]
    public void Parses_legacy_numbers_and_flags_them(string input, string canonical, string court, EnforcementType type, long sequence)
    {
        var result = CaseNumber.Parse(input, Today);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var number = result.Value!;
        Assert.True(number.IsLegacy);
        Assert.Null(number.Court);
        Assert.Equal(court, number.LegacyCourt);
        Assert.Equal(type, number.Type);
        Assert.Equal(sequence, number.Sequence);
        Assert.Equal(canonical, number.ToString());
    }

    [Theory]
    [InlineData(null, "case-number.empty")]
    [InlineData("", "case-number.empty")]
    [InlineData(" \u3000 ", "case-number.empty")]
    [InlineData("2024川0104执1234号", "case-number.year.parentheses")]
    [InlineData("（2024川0104执1234号", "case-number.year.parentheses")]
    [InlineData("【2024】川0104执1234号", "case-number.year.parentheses")]
    [InlineData("（24）川0104执1234号", "case-number.year.digits")]
    [InlineData("（二〇二四）川0104执1234号", "case-number.year.digits")]
    [InlineData("（1948）川0104执1234号", "case-number.year.range")]
    [InlineData("（2027）川0104执1234号", "case-number.year.range")]
    [InlineData("（2024）川0104执1234", "case-number.hao.missing")]
    [InlineData("（2024）号", "case-number.court.missing")]
    [InlineData("（2024）甲0104执1234号", "case-number.court.province")]
    [InlineData("（2024）蒙01执1号", "case-number.court.province")]
    [InlineData("（2024）0104执1234号", "case-number.court.province")]
    [InlineData("（2024）川010执1234号", "case-number.court.digits")]
    [InlineData("（2024）川1执1234号", "case-number.court.digits")]
    [InlineData("（2024）川010401执1234号", "case-number.court.digits")]
    [InlineData("（2024）川00执1号", "case-number.court.digits.zero-prefecture")]
    [InlineData("（2024）川0100执1号", "case-number.court.digits.zero-county")]
    [InlineData("（2024）川0104民初1234号", "case-number.type")]
    [InlineData("（2024）川0104执审1号", "case-number.type")]
    [InlineData("（2024）川01041234号", "case-number.court.digits")]
    [InlineData("（2024）川0104执号", "case-number.sequence")]
    [InlineData("（2024）川0104执0号", "case-number.sequence")]
    [InlineData("（2024）川0104执12a3号", "case-number.sequence")]
    [InlineData("（2024）川0104执1234567890123号", "case-number.sequence")]
    [InlineData("（2024）川0104执1234号码", "case-number.hao.missing")]
    [InlineData("（2015）成民初字第123号", "case-number.type")]
    [InlineData("（2015）执字第123号", "case-number.legacy.malformed")]
    [InlineData("（2015）阿执字第号", "case-number.legacy.malformed")]
    [InlineData("（2015）阿执字第0号", "case-number.sequence")]
    public void Rejects_malformed_numbers_naming_what_is_wrong(string? input, string code)
    {
        var result = CaseNumber.Parse(input, Today);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Value);
        Assert.Equal(code, result.Error!.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.MessageZh));
        Assert.False(string.IsNullOrWhiteSpace(result.Error.MessageEn));
    }

    [Fact]
    public void Names_the_wrong_province_character_in_the_error()
    {
        var error = CaseNumber.Parse("（2024）甲0104执1234号", Today).Error!;

        Assert.Contains("甲", error.MessageZh, StringComparison.Ordinal);
        Assert.Contains("甲", error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Year_bound_moves_with_today()
    {
        Assert.False(CaseNumber.Parse("（2027）川0104执1号", new DateOnly(2025, 12, 31)).IsSuccess);
        Assert.True(CaseNumber.Parse("（2027）川0104执1号", new DateOnly(2026, 1, 1)).IsSuccess);
    }

    [Fact]
    public void Spellings_of_the_same_number_are_equal_and_hash_alike()
    {
        var a = CaseNumber.Parse("(2024) 川0104 执 1234 号", Today).GetValueOrThrow();
        var b = CaseNumber.Parse("（2024）川0104执1234号", Today).GetValueOrThrow();
        var c = CaseNumber.Parse("（2024）川0104执1235号", Today).GetValueOrThrow();
        var d = CaseNumber.Parse("（2024）川0104执恢1234号", Today).GetValueOrThrow();

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, d);
        Assert.Equal(3, new HashSet<CaseNumber> { a, b, c, d }.Count);
    }

    [Fact]
    public void Legacy_padding_is_kept_so_differently_padded_legacy_numbers_differ()
    {
        var padded = CaseNumber.Parse("（2015）阿执字第00294号", Today).GetValueOrThrow();
        var unpadded = CaseNumber.Parse("（2015）阿执字第294号", Today).GetValueOrThrow();

        Assert.Equal(padded.Sequence, unpadded.Sequence);
        Assert.NotEqual(padded, unpadded);
    }

    [Theory]
    [InlineData(EnforcementType.First, "执")]
    [InlineData(EnforcementType.Resumed, "执恢")]
    [InlineData(EnforcementType.Preservation, "执保")]
    [InlineData(EnforcementType.Objection, "执异")]
    [InlineData(EnforcementType.Review, "执复")]
    [InlineData(EnforcementType.Supervision, "执监")]
    [InlineData(EnforcementType.Coordination, "执协")]
    [InlineData(EnforcementType.Other, "执他")]
    public void Every_enforcement_type_round_trips_through_its_code(EnforcementType type, string code)
    {
        Assert.Equal(code, type.ToCode());
        Assert.Equal(type, EnforcementTypeCodes.FromCode(code));

        var created = CaseNumber.Create(2024, CourtCode.Parse("豫0102").GetValueOrThrow(), type, 42);
        Assert.Equal($"（2024）豫0102{code}42号", created.ToString());
        Assert.Equal(created, CaseNumber.Parse(created.ToString(), Today).Value);
    }

    [Fact]
    public void Unknown_type_codes_are_not_enforcement_types()
    {
        Assert.Null(EnforcementTypeCodes.FromCode("民初"));
        Assert.Null(EnforcementTypeCodes.FromCode(""));
        Assert.Equal(8, EnforcementTypeCodes.AllCodes.Count);
    }

    [Theory]
    [InlineData(1948, 1)]
    [InlineData(10000, 1)]
    [InlineData(2024, 0)]
    [InlineData(2024, -5)]
    [InlineData(2024, CaseNumber.MaxSequence + 1)]
    public void Create_refuses_out_of_range_parts(int year, long sequence)
    {
        var court = CourtCode.Parse("川0104").GetValueOrThrow();

        Assert.Throws<ArgumentOutOfRangeException>(() => CaseNumber.Create(year, court, EnforcementType.First, sequence));
    }

    [Fact]
    public void TryParse_reports_success_and_failure()
    {
        Assert.True(CaseNumber.TryParse("(2024)川0104执1234号", out var number));
        Assert.Equal("（2024）川0104执1234号", number.ToString());

        Assert.False(CaseNumber.TryParse("（2024）川0104民初1234号", out var none, out var error));
        Assert.Null(none);
        Assert.Equal("case-number.type", error.Code);
    }

    [Fact]
    public void GetValueOrThrow_throws_a_format_exception_carrying_the_code()
    {
        var exception = Assert.Throws<FormatException>(() => CaseNumber.Parse("（2024）川0104执1234", Today).GetValueOrThrow());

        Assert.Contains("case-number.hao.missing", exception.Message, StringComparison.Ordinal);
    }

    private sealed record Holder(CaseNumber Number);

    [Fact]
    public void Serialises_to_json_as_canonical_text_and_back()
    {
        var holder = new Holder(CaseNumber.Parse("(2015)阿执字第00294号", Today).GetValueOrThrow());

        var json = JsonSerializer.Serialize(holder);
        var back = JsonSerializer.Deserialize<Holder>(json);

        Assert.Contains("（2015）阿执字第00294号", JsonSerializer.Deserialize<JsonElement>(json).GetProperty("Number").GetString(), StringComparison.Ordinal);
        Assert.Equal(holder, back);
    }

    [Fact]
    public void Rejects_an_invalid_case_number_in_json()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("""{"Number":"（2024）川0104民初1号"}"""));
    }
}
