using Transparency.Projections.Courts;

namespace Transparency.Projections.Tests.Courts;

public sealed class CourtDirectoryTests
{
    private static Court Find(string code) =>
        CourtDirectory.Find(CourtCode.Parse(code).GetValueOrThrow()) ?? throw new InvalidOperationException($"{code} not in directory");

    [Theory]
    [InlineData("川", "四川省高级人民法院", "Sichuan High People's Court", CourtLevel.High, null, "510000")]
    [InlineData("豫", "河南省高级人民法院", "Henan High People's Court", CourtLevel.High, null, "410000")]
    [InlineData("川01", "四川省成都市中级人民法院", "Chengdu Intermediate People's Court", CourtLevel.Intermediate, "川", "510100")]
    [InlineData("川32", "四川省阿坝藏族羌族自治州中级人民法院", "Ngawa Tibetan and Qiang Autonomous Prefecture Intermediate People's Court", CourtLevel.Intermediate, "川", "513200")]
    [InlineData("豫17", "河南省驻马店市中级人民法院", "Zhumadian Intermediate People's Court", CourtLevel.Intermediate, "豫", "411700")]
    [InlineData("川0104", "四川省成都市锦江区人民法院", "Chengdu Jinjiang District People's Court", CourtLevel.Basic, "川01", "510104")]
    [InlineData("川0121", "四川省金堂县人民法院", "Jintang County People's Court", CourtLevel.Basic, "川01", "510121")]
    [InlineData("川0181", "四川省都江堰市人民法院", "Dujiangyan City People's Court", CourtLevel.Basic, "川01", "510181")]
    [InlineData("川1002", "四川省内江市市中区人民法院", "Neijiang Shizhong District People's Court", CourtLevel.Basic, "川10", "511002")]
    [InlineData("豫0102", "河南省郑州市中原区人民法院", "Zhengzhou Zhongyuan District People's Court", CourtLevel.Basic, "豫01", "410102")]
    [InlineData("豫0782", "河南省辉县市人民法院", "Huixian City People's Court", CourtLevel.Basic, "豫07", "410782")]
    public void Finds_courts_by_code(string code, string nameZh, string nameEn, CourtLevel level, string? parent, string division)
    {
        var court = Find(code);

        Assert.Equal(nameZh, court.NameZh);
        Assert.Equal(nameEn, court.NameEn);
        Assert.Equal(level, court.Level);
        Assert.Equal(parent, court.Parent?.ToString());
        Assert.Equal(division, court.DivisionCode);
    }

    [Fact]
    public void Sichuan_has_an_intermediate_court_for_each_of_its_21_prefecture_level_divisions()
    {
        var codes = CourtDirectory.Children(CourtCode.Parse("川").GetValueOrThrow()).Select(c => c.Code.ToString());

        Assert.Equal(
            ["川01", "川03", "川04", "川05", "川06", "川07", "川08", "川09", "川10", "川11", "川13",
             "川14", "川15", "川16", "川17", "川18", "川19", "川20", "川32", "川33", "川34"],
            codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Henan_has_an_intermediate_court_for_each_of_its_17_prefecture_level_cities()
    {
        var codes = CourtDirectory.Children(CourtCode.Parse("豫").GetValueOrThrow()).Select(c => c.Code.ToString());

        Assert.Equal(Enumerable.Range(1, 17).Select(i => $"豫{i:D2}"), codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_intermediate_court_has_at_least_three_basic_courts()
    {
        var intermediates = CourtDirectory.All.Where(c => c.Level == CourtLevel.Intermediate).ToList();

        Assert.Equal(38, intermediates.Count);
        Assert.All(intermediates, court =>
        {
            var children = CourtDirectory.Children(court.Code);
            Assert.True(children.Count >= 3, $"{court.NameZh} has {children.Count} basic courts");
            Assert.All(children, child => Assert.Equal(CourtLevel.Basic, child.Level));
        });
    }

    [Fact]
    public void Every_court_is_consistent_with_its_code_its_parent_and_its_province()
    {
        Assert.All(CourtDirectory.All, court =>
        {
            Assert.Equal(court.Code, CourtCode.FromDivisionCode(court.DivisionCode).Value);
            Assert.Equal(court.Level, court.Code.Level);
            Assert.Equal(court.Code.StructuralParent, court.Parent);
            Assert.Equal(court.Province, court.Code.Province);
            Assert.StartsWith(court.Province.DivisionPrefix, court.DivisionCode, StringComparison.Ordinal);
            Assert.StartsWith(court.Province.NameZh, court.NameZh, StringComparison.Ordinal);
            Assert.EndsWith("人民法院", court.NameZh, StringComparison.Ordinal);
            Assert.EndsWith("People's Court", court.NameEn, StringComparison.Ordinal);
            if (court.Parent is not null)
            {
                Assert.NotNull(CourtDirectory.Find(court.Parent));
            }
        });
    }

    [Fact]
    public void Codes_and_names_are_unique()
    {
        Assert.Equal(CourtDirectory.All.Count, CourtDirectory.All.Select(c => c.Code).Distinct().Count());
        Assert.Equal(CourtDirectory.All.Count, CourtDirectory.All.Select(c => c.NameZh).Distinct().Count());
    }

    [Fact]
    public void Lists_courts_by_province()
    {
        var sichuan = CourtDirectory.InProvince(Province.Sichuan);
        var henan = CourtDirectory.InProvince(Province.Henan);

        Assert.All(sichuan, c => Assert.Equal("四川省", c.Province.NameZh));
        Assert.All(henan, c => Assert.Equal("河南省", c.Province.NameZh));
        Assert.Equal(CourtDirectory.All.Count, sichuan.Count + henan.Count);
        Assert.Single(sichuan, c => c.Level == CourtLevel.High);
        Assert.Empty(CourtDirectory.InProvince(Province.FromCourtAbbreviation('京')!));
    }

    [Fact]
    public void Unknown_codes_and_basic_courts_have_no_entry_or_children()
    {
        Assert.Null(CourtDirectory.Find(CourtCode.Parse("川9999").GetValueOrThrow()));
        Assert.Null(CourtDirectory.Find(CourtCode.Parse("京").GetValueOrThrow()));
        Assert.Empty(CourtDirectory.Children(CourtCode.Parse("川0104").GetValueOrThrow()));
        Assert.Null(CourtDirectory.Find("川9999"));
        Assert.Null(CourtDirectory.Find("not a code"));
    }

    [Fact]
    public void Finds_a_court_from_its_code_as_text()
    {
        Assert.Equal("四川省成都市锦江区人民法院", CourtDirectory.Find(" 川0104 ")?.NameZh);
    }
}
