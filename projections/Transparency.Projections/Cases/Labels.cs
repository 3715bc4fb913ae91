using System.Globalization;

namespace Transparency.Projections.Cases;

/// <summary>The Chinese terms the courts and the national portal use, for timelines and pages.</summary>
public static class Labels
{
    /// <summary>Fen as yuan with two decimals and a thousands separator: 123456 → ¥1,234.56.</summary>
    public static string Yuan(long fen) =>
        "¥" + (fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Zh(this AssetKind kind) => kind switch
    {
        AssetKind.BankFunds => "银行存款",
        AssetKind.Movable => "动产",
        AssetKind.Vehicle => "车辆",
        AssetKind.RealEstate => "不动产",
        AssetKind.Equity => "股权",
        AssetKind.Securities => "证券",
        _ => "其他财产权",
    };

    public static string Zh(this SanctionKind kind) => kind switch
    {
        SanctionKind.DishonestList => "失信被执行人",
        SanctionKind.ConsumptionRestriction => "限制消费",
        _ => "限制出境",
    };

    public static string Zh(this ListingGround ground) => ground switch
    {
        ListingGround.RefusesDespiteAbility => "有履行能力而拒不履行生效法律文书确定义务",
        ListingGround.ObstructsEnforcement => "以伪造证据、暴力、威胁等方法妨碍、抗拒执行",
        ListingGround.EvadesEnforcement => "以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行",
        ListingGround.ViolatesPropertyReporting => "违反财产报告制度",
        ListingGround.ViolatesConsumptionRestriction => "违反限制消费令",
        _ => "无正当理由拒不履行执行和解协议",
    };

    public static string Zh(this Performance p) => p switch
    {
        Performance.NotPerformed => "全部未履行",
        Performance.PartlyPerformed => "部分履行",
        _ => "全部履行",
    };

    public static string Zh(this LiftReason r) => r switch
    {
        LiftReason.Performed => "已履行全部义务",
        LiftReason.SettlementPerformed => "执行和解协议已履行完毕",
        LiftReason.ApplicantRequest => "申请执行人申请删除",
        LiftReason.PeriodExpired => "期限届满",
        LiftReason.ErrorCorrected => "纠正错误",
        _ => "案件已结",
    };

    public static string Zh(this ConclusionMethod m) => m switch
    {
        ConclusionMethod.Completed => "执行完毕",
        ConclusionMethod.TerminatedForNow => "终结本次执行程序",
        ConclusionMethod.Terminated => "终结执行",
        ConclusionMethod.NotEnforced => "不予执行",
        ConclusionMethod.ApplicationRejected => "驳回申请",
        _ => "销案",
    };

    public static string Zh(this CaseStage s) => s switch
    {
        CaseStage.NotFiled => "未立案",
        CaseStage.Filed => "已立案",
        CaseStage.Enforcing => "执行中",
        CaseStage.Suspended => "中止执行",
        CaseStage.Concluded => "已结案",
        _ => "移送破产审查",
    };
}
