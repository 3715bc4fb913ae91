using Transparency.Projections.Courts;

namespace Transparency.Projections.Demo;

/// <summary>
/// Names for demo parties: Chinese personal names with surnames weighted by how common they are,
/// company names built from a city, a trade name and an industry, and the banks that most often
/// apply for enforcement. All drawn from a seeded <see cref="Random"/>, so a seed gives the same names.
/// </summary>
public static class DemoNames
{
    // Share of the population in per mille, after the Ministry of Public Security's 2020 report on
    // surnames (王 7.1%, 李 7.0%, 张 6.6% ...), rounded; the tail is shortened to the surnames of
    // Sichuan and Henan that make a list look familiar. A few compound surnames, as rare as they are.
    private static readonly (string Surname, int PerMille)[] Surnames =
    [
        ("王", 71), ("李", 70), ("张", 66), ("刘", 53), ("陈", 45), ("杨", 31), ("赵", 23), ("黄", 22), ("周", 20), ("吴", 20),
        ("徐", 16), ("孙", 15), ("胡", 13), ("朱", 13), ("高", 12), ("林", 12), ("何", 12), ("郭", 12), ("马", 11), ("罗", 10),
        ("梁", 9), ("宋", 9), ("郑", 8), ("谢", 8), ("韩", 7), ("唐", 7), ("冯", 7), ("于", 6), ("董", 6), ("萧", 6),
        ("程", 6), ("曹", 6), ("袁", 5), ("邓", 5), ("许", 5), ("傅", 5), ("沈", 5), ("曾", 5), ("彭", 5), ("吕", 5),
        ("苏", 5), ("卢", 5), ("蒋", 5), ("蔡", 5), ("贾", 4), ("丁", 4), ("魏", 4), ("薛", 4), ("叶", 4), ("阎", 4),
        ("余", 4), ("潘", 4), ("杜", 4), ("戴", 4), ("夏", 3), ("钟", 3), ("汪", 3), ("田", 3), ("任", 3), ("姜", 3),
        ("范", 3), ("方", 3), ("石", 3), ("姚", 3), ("谭", 3), ("廖", 3), ("邹", 3), ("熊", 3), ("金", 3), ("陆", 3),
        ("郝", 3), ("孔", 2), ("白", 2), ("崔", 2), ("康", 2), ("毛", 2), ("邱", 2), ("秦", 2), ("江", 2), ("史", 2),
        ("顾", 2), ("侯", 2), ("邵", 2), ("孟", 2), ("龙", 2), ("万", 2), ("段", 2), ("雷", 2), ("钱", 2), ("汤", 2),
        ("尹", 2), ("黎", 2), ("易", 2), ("常", 2), ("武", 2), ("乔", 2), ("贺", 2), ("赖", 2), ("龚", 2), ("文", 2),
        ("牛", 1), ("申", 1), ("岳", 1), ("焦", 1), ("宁", 1), ("樊", 1), ("苟", 1), ("冉", 1), ("母", 1), ("蒲", 1),
        ("欧阳", 1), ("司马", 1), ("诸葛", 1), ("上官", 1),
    ];

    private static readonly int SurnameTotal = Surnames.Sum(s => s.PerMille);

    // Characters common in given names of people born 1950–2005, men's and women's mixed.
    private const string GivenCharacters =
        "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌宇浩凯鹏飞鑫波宁亮成俊峰龙" +
        "志国海林丹琳婷雪梅晨阳欣怡佳慧颖倩婧蕾璐瑶雯婉晓雨思嘉子涵博文轩昊然宏德福贵兴旺春秋冬荣发" +
        "永祥庆昌盛云燕凤霞翠莲琴珍淑惠明亮光耀家树松柏江河山川";

    private static readonly string[] TradeNames =
    [
        "恒达", "鑫源", "宏发", "兴隆", "金泰", "华宇", "天府", "中原", "锦程", "盛世", "瑞丰", "永安", "长虹", "蜀信", "豫康",
        "广汇", "东方", "新星", "汇通", "德润", "嘉禾", "顺昌", "佳美", "益民", "利通", "聚贤", "博远", "众诚", "安泰", "和信",
    ];

    private static readonly string[] Industries =
    [
        "建筑工程", "商贸", "房地产开发", "科技", "机械制造", "餐饮管理", "物流", "农业开发", "建材", "汽车销售",
        "装饰工程", "劳务", "电子", "食品", "医药", "酒业", "矿业", "文化传媒", "物业管理", "小额贷款",
    ];

    private static readonly string[] CompanyForms = ["有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司"];

    private static readonly string[] Banks =
    [
        "中国工商银行股份有限公司", "中国农业银行股份有限公司", "中国银行股份有限公司", "中国建设银行股份有限公司",
        "交通银行股份有限公司", "中国邮政储蓄银行股份有限公司", "招商银行股份有限公司", "中信银行股份有限公司",
    ];

    private static readonly Lazy<Dictionary<string, string>> PrefectureNames = new(() =>
        CourtData.Sichuan.Concat(CourtData.Henan).ToDictionary(p => p.Code, p => p.NameZh, StringComparer.Ordinal));

    private static readonly Lazy<Dictionary<string, string>> CountyNames = new(() =>
        CourtData.Sichuan.Concat(CourtData.Henan).SelectMany(p => p.Counties)
            .ToDictionary(c => c.Code, c => c.NameZh, StringComparer.Ordinal));

    /// <summary>A personal name: a surname by frequency and a one- or two-character given name.</summary>
    public static string Person(Random random)
    {
        var pick = random.Next(SurnameTotal);
        var surname = Surnames[^1].Surname;
        foreach (var (name, weight) in Surnames)
        {
            if (pick < weight)
            {
                surname = name;
                break;
            }
            pick -= weight;
        }
        var given = random.Next(10) < 3 ? 1 : 2;
        var chars = new char[given];
        for (var i = 0; i < given; i++)
        {
            chars[i] = GivenCharacters[random.Next(GivenCharacters.Length)];
        }
        return surname + new string(chars);
    }

    /// <summary>The prefecture-level city a court sits in, short form (成都, 郑州).</summary>
    public static string City(Court court)
    {
        var name = PrefectureNames.Value.GetValueOrDefault(court.DivisionCode[..4]) ?? court.Province.NameZh;
        return name.Length > 2 && name.EndsWith('市') ? name[..^1] : name;
    }

    /// <summary>The county or district a basic court serves (锦江区); the city for higher courts.</summary>
    public static string Locality(Court court) =>
        CountyNames.Value.GetValueOrDefault(court.DivisionCode) ?? City(court) + "市";

    /// <summary>A company registered in the court's city: 成都恒达建筑工程有限公司.</summary>
    public static string Company(Random random, Court court) =>
        City(court) + TradeNames[random.Next(TradeNames.Length)] + Industries[random.Next(Industries.Length)]
        + CompanyForms[random.Next(CompanyForms.Length)];

    /// <summary>A bank branch in the court's city: 中国农业银行股份有限公司成都锦江支行.</summary>
    public static string BankBranch(Random random, Court court)
    {
        var bank = Banks[random.Next(Banks.Length)];
        var locality = Locality(court);
        return court.Level == CourtLevel.Basic && locality.Length > 1
            ? bank + City(court) + locality[..^1] + "支行"
            : bank + City(court) + "分行";
    }

    /// <summary>The bank's short name for an account description: 工商银行.</summary>
    public static string BankShortName(Random random)
    {
        var bank = Banks[random.Next(Banks.Length)][..^"股份有限公司".Length];
        return bank != "中国银行" && bank.StartsWith("中国", StringComparison.Ordinal) ? bank[2..] : bank;
    }
}
