using System.Text.Json;
using Transparency.Projections.Courts;

namespace Transparency.Projections.Tests.Courts;

public sealed class CourtCodeTests
{
    [Theory]
    [InlineData("川0104", CourtLevel.Basic, "川01")]
    [InlineData("川01", CourtLevel.Intermediate, "川")]
    [InlineData("川", CourtLevel.High, null)]
    [InlineData(" 豫0102 ", CourtLevel.Basic, "豫01")]
    [InlineData("内01", CourtLevel.Intermediate, "内")]
    public void Parses_codes_and_knows_their_level_and_structural_parent(string input, CourtLevel level, string? parent)
    {
        var code = CourtCode.Parse(input).GetValueOrThrow();

        Assert.Equal(input.Trim(), code.ToString());
        Assert.Equal(level, code.Level);
        Assert.Equal(parent, code.StructuralParent?.ToString());
    }

    [Theory]
    [InlineData(null, "court-code.empty")]
    [InlineData("", "court-code.empty")]
    [InlineData("蒙01", "court-code.province.unknown")]
    [InlineData("X0104", "court-code.province.unknown")]
    [InlineData("川1", "court-code.digits")]
    [InlineData("川010", "court-code.digits")]
    [InlineData("川010401", "court-code.digits")]
    [InlineData("川01a4", "court-code.digits")]
    [InlineData("川00", "court-code.digits.zero-prefecture")]
    [InlineData("川0001", "court-code.digits.zero-prefecture")]
    [InlineData("川0100", "court-code.digits.zero-county")]
    public void Rejects_malformed_codes(string? input, string code)
    {
        var result = CourtCode.Parse(input);

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
    }

    [Theory]
    [InlineData("510104", "川0104")]
    [InlineData("510100", "川01")]
    [InlineData("510000", "川")]
    [InlineData("410102", "豫0102")]
    [InlineData("513201", "川3201")]
    [InlineData("110105", "京0105")]
    public void Derives_the_code_from_the_administrative_division_code(string division, string expected)
    {
        Assert.Equal(expected, CourtCode.FromDivisionCode(division).GetValueOrThrow().ToString());
    }

    [Theory]
    [InlineData("5101")]
    [InlineData("51010a")]
    [InlineData("990104")]
    [InlineData("5101040")]
    public void Rejects_bad_division_codes(string division)
    {
        Assert.Equal("court-code.division-code", CourtCode.FromDivisionCode(division).Error?.Code);
    }

    [Fact]
    public void Codes_are_values()
    {
        Assert.Equal(CourtCode.Parse("川0104").Value, CourtCode.FromDivisionCode("510104").Value);
        Assert.NotEqual(CourtCode.Parse("川0104").Value, CourtCode.Parse("川0105").Value);
        Assert.True(CourtCode.TryParse("豫", out var henan));
        Assert.Equal(Province.Henan, henan.Province);
        Assert.False(CourtCode.TryParse("豫1", out _));
    }

    private sealed record Holder(CourtCode Court);

    [Fact]
    public void Serialises_to_json_as_its_text()
    {
        var holder = new Holder(CourtCode.Parse("川0104").GetValueOrThrow());

        var json = JsonSerializer.Serialize(holder);

        Assert.Equal("川0104", JsonSerializer.Deserialize<JsonElement>(json).GetProperty("Court").GetString());
        Assert.Equal(holder, JsonSerializer.Deserialize<Holder>(json));
    }
}
