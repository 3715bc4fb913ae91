namespace Transparency.Projections.Courts;

/// <summary>
/// The courts of Sichuan and Henan this project starts with: each high court, every
/// intermediate court of a prefecture-level division, and basic courts under each. Codes are
/// derived from the divisions' GB/T 2260 codes as the SPC 2015 rules on case numbers do
/// (510104 → 川0104, 5101 → 川01). Special courts (railway, forestry, intellectual property)
/// and Henan's 济源 (a county-level division directly under the province, whose court coding
/// we could not confirm) are not listed.
/// </summary>
public static class CourtDirectory
{
    private static readonly Lazy<Index> Data = new(() => new Index(Build()));

    public static IReadOnlyList<Court> All => Data.Value.Courts;

    public static Court? Find(CourtCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Data.Value.ByCode.GetValueOrDefault(code);
    }

    /// <summary>The court for a code in text form (川0104); null when it does not parse or is not listed.</summary>
    public static Court? Find(string code) =>
        CourtCode.TryParse(code, out var parsed) ? Find(parsed) : null;

    /// <summary>The courts whose parent is <paramref name="code"/>, in code order.</summary>
    public static IReadOnlyList<Court> Children(CourtCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Data.Value.ByParent.TryGetValue(code, out var children) ? children : [];
    }

    public static IReadOnlyList<Court> InProvince(Province province)
    {
        ArgumentNullException.ThrowIfNull(province);
        return Data.Value.Courts.Where(c => c.Province == province).ToArray();
    }

    private sealed class Index
    {
        public Index(IReadOnlyList<Court> courts)
        {
            Courts = courts;
            ByCode = courts.ToDictionary(c => c.Code);
            ByParent = courts
                .Where(c => c.Parent is not null)
                .GroupBy(c => c.Parent!)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Court>)g.ToArray());
        }

        public IReadOnlyList<Court> Courts { get; }

        public Dictionary<CourtCode, Court> ByCode { get; }

        public Dictionary<CourtCode, IReadOnlyList<Court>> ByParent { get; }
    }

    private static List<Court> Build()
    {
        var courts = new List<Court>();
        AddProvince(courts, Province.Sichuan, CourtData.Sichuan);
        AddProvince(courts, Province.Henan, CourtData.Henan);
        return courts;
    }

    private static void AddProvince(List<Court> courts, Province province, IReadOnlyList<CourtData.Prefecture> prefectures)
    {
        var highCode = Code(province.DivisionPrefix + "0000");
        courts.Add(new Court(
            highCode,
            province.NameZh + "高级人民法院",
            province.NameEn + " High People's Court",
            CourtLevel.High,
            null,
            province,
            province.DivisionPrefix + "0000"));

        foreach (var prefecture in prefectures)
        {
            var prefectureDivision = prefecture.Code + "00";
            var intermediateCode = Code(prefectureDivision);
            courts.Add(new Court(
                intermediateCode,
                province.NameZh + prefecture.NameZh + "中级人民法院",
                prefecture.NameEn + " Intermediate People's Court",
                CourtLevel.Intermediate,
                highCode,
                province,
                prefectureDivision));

            foreach (var county in prefecture.Counties)
            {
                courts.Add(new Court(
                    Code(county.Code),
                    BasicNameZh(province, prefecture, county),
                    BasicNameEn(prefecture, county),
                    CourtLevel.Basic,
                    intermediateCode,
                    province,
                    county.Code));
            }
        }
    }

    private static CourtCode Code(string divisionCode) =>
        CourtCode.FromDivisionCode(divisionCode).GetValueOrThrow();

    // A district court's name carries its city (四川省成都市锦江区人民法院); a county or
    // county-level city court's does not (四川省金堂县人民法院, 四川省都江堰市人民法院).
    private static string BasicNameZh(Province province, CourtData.Prefecture prefecture, CourtData.County county) =>
        IsDistrict(county)
            ? province.NameZh + prefecture.NameZh + county.NameZh + "人民法院"
            : province.NameZh + county.NameZh + "人民法院";

    private static string BasicNameEn(CourtData.Prefecture prefecture, CourtData.County county)
    {
        var kind = county.NameZh[^1] switch
        {
            '区' => "District",
            '县' => "County",
            _ => "City",
        };
        var prefix = IsDistrict(county) ? prefecture.NameEn.Split(' ')[0] + " " : "";
        return $"{prefix}{county.NameEn} {kind} People's Court";
    }

    private static bool IsDistrict(CourtData.County county) => county.NameZh.EndsWith('区');
}
