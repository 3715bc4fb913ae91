using Transparency.Projections.Courts;

namespace Transparency.Projections.Tests.Courts;

public sealed class ProvinceTests
{
    [Fact]
    public void There_are_31_provinces_with_distinct_abbreviations_and_prefixes()
    {
        Assert.Equal(31, Province.All.Count);
        Assert.Equal(31, Province.All.Select(p => p.CourtAbbreviation).Distinct().Count());
        Assert.Equal(31, Province.All.Select(p => p.DivisionPrefix).Distinct().Count());
        Assert.All(Province.All, p => Assert.Single(p.CourtAbbreviation));
    }

    [Theory]
    [InlineData('川', "51", "四川省")]
    [InlineData('豫', "41", "河南省")]
    [InlineData('京', "11", "北京市")]
    [InlineData('内', "15", "内蒙古自治区")]
    [InlineData('黔', "52", "贵州省")]
    [InlineData('云', "53", "云南省")]
    [InlineData('新', "65", "新疆维吾尔自治区")]
    public void Finds_provinces_by_abbreviation_and_prefix(char abbreviation, string prefix, string name)
    {
        var byAbbreviation = Province.FromCourtAbbreviation(abbreviation);

        Assert.Equal(name, byAbbreviation?.NameZh);
        Assert.Same(byAbbreviation, Province.FromDivisionPrefix(prefix));
    }

    [Theory]
    [InlineData('蒙')]
    [InlineData('港')]
    [InlineData('兵')]
    [InlineData('A')]
    public void Other_characters_are_not_provincial_court_abbreviations(char c)
    {
        Assert.Null(Province.FromCourtAbbreviation(c));
    }
}
