namespace Transparency.Projections.Courts;

/// <summary>
/// A provincial-level division (省、自治区、直辖市) of the mainland: its two-digit prefix in the
/// administrative division codes (GB/T 2260) and the one-character abbreviation courts use as
/// the first part of every court code in a case number.
/// </summary>
/// <param name="DivisionPrefix">First two digits of GB/T 2260 codes in this province, "51".</param>
/// <param name="CourtAbbreviation">
/// The character case numbers use, "川". For Inner Mongolia this is 内, not the administrative
/// abbreviation 蒙 (SPC 2015 rules on case numbers, court code table).
/// </param>
public sealed record Province(string DivisionPrefix, string CourtAbbreviation, string NameZh, string NameEn)
{
    /// <summary>The 31 provincial-level divisions of the mainland, in GB/T 2260 order.</summary>
    public static IReadOnlyList<Province> All { get; } =
    [
        new("11", "京", "北京市", "Beijing"),
        new("12", "津", "天津市", "Tianjin"),
        new("13", "冀", "河北省", "Hebei"),
        new("14", "晋", "山西省", "Shanxi"),
        new("15", "内", "内蒙古自治区", "Inner Mongolia"),
        new("21", "辽", "辽宁省", "Liaoning"),
        new("22", "吉", "吉林省", "Jilin"),
        new("23", "黑", "黑龙江省", "Heilongjiang"),
        new("31", "沪", "上海市", "Shanghai"),
        new("32", "苏", "江苏省", "Jiangsu"),
        new("33", "浙", "浙江省", "Zhejiang"),
        new("34", "皖", "安徽省", "Anhui"),
        new("35", "闽", "福建省", "Fujian"),
        new("36", "赣", "江西省", "Jiangxi"),
        new("37", "鲁", "山东省", "Shandong"),
        new("41", "豫", "河南省", "Henan"),
        new("42", "鄂", "湖北省", "Hubei"),
        new("43", "湘", "湖南省", "Hunan"),
        new("44", "粤", "广东省", "Guangdong"),
        new("45", "桂", "广西壮族自治区", "Guangxi"),
        new("46", "琼", "海南省", "Hainan"),
        new("50", "渝", "重庆市", "Chongqing"),
        new("51", "川", "四川省", "Sichuan"),
        new("52", "黔", "贵州省", "Guizhou"),
        new("53", "云", "云南省", "Yunnan"),
        new("54", "藏", "西藏自治区", "Tibet"),
        new("61", "陕", "陕西省", "Shaanxi"),
        new("62", "甘", "甘肃省", "Gansu"),
        new("63", "青", "青海省", "Qinghai"),
        new("64", "宁", "宁夏回族自治区", "Ningxia"),
        new("65", "新", "新疆维吾尔自治区", "Xinjiang"),
    ];

    public static Province Sichuan { get; } = All.Single(p => p.DivisionPrefix == "51");

    public static Province Henan { get; } = All.Single(p => p.DivisionPrefix == "41");

    private static readonly Dictionary<char, Province> ByAbbreviation =
        All.ToDictionary(p => p.CourtAbbreviation[0]);

    private static readonly Dictionary<string, Province> ByPrefix =
        All.ToDictionary(p => p.DivisionPrefix, StringComparer.Ordinal);

    public static Province? FromCourtAbbreviation(char abbreviation) =>
        ByAbbreviation.GetValueOrDefault(abbreviation);

    /// <summary>The province whose GB/T 2260 codes start with these two digits, if any.</summary>
    public static Province? FromDivisionPrefix(string prefix) =>
        ByPrefix.GetValueOrDefault(prefix);

    public override string ToString() => NameZh;
}
