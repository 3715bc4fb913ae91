using System.Collections.Frozen;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Transparency.EventStore;

namespace Transparency.Projections.Cases;

/// <summary>
/// A milestone of one enforcement case. A case is one stream; its events are facts a court
/// system reported, dated in China time.
/// </summary>
public interface ICaseEvent
{
    /// <summary>The day the milestone happened (China time), not the day it was recorded.</summary>
    DateOnly On { get; }
}

public enum PartyKind { NaturalPerson, Organisation }

public enum PartyRole { Applicant, Respondent }

/// <summary>
/// A party as the court system sends it. <paramref name="IdNumber"/> is the full resident ID
/// (natural person) or unified social credit code (organisation): ingest side only. Read models
/// never copy it; they mask it (DOMAIN.md: masking happens in the projection).
/// </summary>
public sealed record Party(PartyKind Kind, PartyRole Role, string Name, string IdNumber);

/// <summary>The debtor a sanction names; must be one of the case's respondents.</summary>
public sealed record Debtor(PartyKind Kind, string Name, string IdNumber);

/// <summary>执行依据: the judgment or other document being enforced.</summary>
public sealed record BasisDocument(string CaseNumber, string IssuingBody);

public enum InquiryChannel { Bank, RealEstate, Vehicle, Securities, Equity, OnlinePayment, Insurance, Other }

public sealed record ChannelResult(InquiryChannel Channel, int Hits);

/// <summary>What was seized; the kind sets the longest term a seizure may run.</summary>
public enum AssetKind { BankFunds, Movable, Vehicle, RealEstate, Equity, Securities, OtherPropertyRight }

public enum SanctionKind
{
    /// <summary>失信被执行人名单: the dishonest-debtor list.</summary>
    DishonestList,
    /// <summary>限制消费令: consumption restriction order, published.</summary>
    ConsumptionRestriction,
    /// <summary>限制出境: exit ban, shown to the parties only.</summary>
    ExitBan,
}

/// <summary>The six grounds for listing, SPC Provisions on Publishing the List of Dishonest Judgment Debtors (2017), Art. 1.</summary>
public enum ListingGround
{
    /// <summary>(1) 有履行能力而拒不履行.</summary>
    RefusesDespiteAbility = 1,
    /// <summary>(2) 以伪造证据、暴力、威胁等方法妨碍、抗拒执行.</summary>
    ObstructsEnforcement = 2,
    /// <summary>(3) 以虚假诉讼、虚假仲裁或者隐匿、转移财产等方法规避执行.</summary>
    EvadesEnforcement = 3,
    /// <summary>(4) 违反财产报告制度.</summary>
    ViolatesPropertyReporting = 4,
    /// <summary>(5) 违反限制消费令.</summary>
    ViolatesConsumptionRestriction = 5,
    /// <summary>(6) 无正当理由拒不履行执行和解协议.</summary>
    BreaksSettlement = 6,
}

/// <summary>履行情况, as the national portal shows it.</summary>
public enum Performance { NotPerformed, PartlyPerformed, Performed }

public enum LiftReason { Performed, SettlementPerformed, ApplicantRequest, PeriodExpired, ErrorCorrected, CaseClosed }

public enum ConclusionMethod
{
    /// <summary>执行完毕: performed (fully, or partly with the rest waived).</summary>
    Completed,
    /// <summary>终结本次执行程序 (终本): closed for now, no property found; reopens as 执恢.</summary>
    TerminatedForNow,
    /// <summary>终结执行: enforcement ended for good.</summary>
    Terminated,
    /// <summary>不予执行.</summary>
    NotEnforced,
    /// <summary>驳回申请.</summary>
    ApplicationRejected,
    /// <summary>销案.</summary>
    Cancelled,
}

/// <summary>
/// Every milestone of DOMAIN.md, version 1. Records without behaviour; the stored name of each
/// is in <see cref="CaseEventTypes"/> and never derives from the CLR name.
/// </summary>
public static class CaseEvents
{
    public static class V1
    {
        /// <summary>立案. <paramref name="NonLitigation"/>: 非诉执行 (basis is not a court judgment), which has a 3-month period.</summary>
        public sealed record CaseFiled(
            DateOnly On,
            string CaseNumber,
            string CourtCode,
            IReadOnlyList<Party> Parties,
            BasisDocument Basis,
            long AmountClaimed,
            bool NonLitigation = false,
            string? EarlierCaseNumber = null) : ICaseEvent;

        /// <summary>承办人.</summary>
        public sealed record OfficerAssigned(DateOnly On, string OfficerName, string OfficerId) : ICaseEvent;

        /// <summary>执行通知/报告财产令.</summary>
        public sealed record EnforcementNoticeServed(DateOnly On) : ICaseEvent;

        /// <summary>网络查控.</summary>
        public sealed record PropertyInquiryCompleted(DateOnly On, IReadOnlyList<ChannelResult> Channels) : ICaseEvent;

        /// <summary>查封/扣押/冻结. The description arrives already masked; the term starts on <paramref name="On"/>.</summary>
        public sealed record AssetSeized(
            DateOnly On, string AssetId, AssetKind Kind, string Description, long EstimatedValue, DateOnly TermEnd) : ICaseEvent;

        /// <summary>续行查封.</summary>
        public sealed record SeizureRenewed(DateOnly On, string AssetId, DateOnly NewTermEnd) : ICaseEvent;

        /// <summary>解除查封.</summary>
        public sealed record SeizureLifted(DateOnly On, string AssetId, string Reason) : ICaseEvent;

        /// <summary>询价/评估.</summary>
        public sealed record AssetValued(DateOnly On, string AssetId, long Price) : ICaseEvent;

        /// <summary>网络拍卖挂拍.</summary>
        public sealed record AuctionListed(DateOnly On, string AssetId, long StartingPrice) : ICaseEvent;

        /// <summary>拍卖成交.</summary>
        public sealed record AuctionSold(DateOnly On, string AssetId, long Price) : ICaseEvent;

        /// <summary>流拍.</summary>
        public sealed record AuctionFailed(DateOnly On, string AssetId, long StartingPrice) : ICaseEvent;

        /// <summary>执行到位.</summary>
        public sealed record FundsReceived(DateOnly On, long Amount) : ICaseEvent;

        /// <summary>执行款发放.</summary>
        public sealed record FundsDisbursed(DateOnly On, long Amount) : ICaseEvent;

        /// <summary>纳入失信名单. <paramref name="PeriodEnd"/> is null for ground (1), which runs until performance.</summary>
        public sealed record DebtorListed(
            DateOnly On,
            string SanctionId,
            Debtor Debtor,
            ListingGround Ground,
            string DecisionNumber,
            DateOnly? PeriodEnd,
            string Obligation,
            Performance Performance) : ICaseEvent;

        /// <summary>限制消费令.</summary>
        public sealed record ConsumptionRestricted(DateOnly On, string SanctionId, Debtor Debtor, string OrderNumber) : ICaseEvent;

        /// <summary>限制出境.</summary>
        public sealed record ExitBanned(DateOnly On, string SanctionId, Debtor Debtor, string OrderNumber) : ICaseEvent;

        /// <summary>删除/解除.</summary>
        public sealed record SanctionLifted(DateOnly On, string SanctionId, LiftReason Reason) : ICaseEvent;

        /// <summary>信用修复: publishes a repair notice for a lifted listing.</summary>
        public sealed record CreditRepaired(DateOnly On, string SanctionId, string RepairNoticeNumber) : ICaseEvent;

        /// <summary>悬赏公告.</summary>
        public sealed record RewardNoticePublished(DateOnly On, long AmountOffered, string AssetLeadsSought) : ICaseEvent;

        /// <summary>执行和解.</summary>
        public sealed record SettlementReached(DateOnly On, string TermsSummary) : ICaseEvent;

        /// <summary>中止执行.</summary>
        public sealed record CaseSuspended(DateOnly On, string Reason) : ICaseEvent;

        /// <summary>恢复执行.</summary>
        public sealed record CaseResumed(DateOnly On, string Reason) : ICaseEvent;

        /// <summary>延长执行期限 (approved).</summary>
        public sealed record PeriodExtended(DateOnly On, DateOnly NewDeadline, string Approval) : ICaseEvent;

        /// <summary>
        /// 结案. <paramref name="ApplicantInterviewed"/> and <paramref name="ListingConsidered"/> record two
        /// 终本 prerequisites that have no event of their own.
        /// </summary>
        public sealed record CaseConcluded(
            DateOnly On,
            ConclusionMethod Method,
            long AmountRecovered,
            long UnperformedAmount,
            bool ApplicantInterviewed = false,
            bool ListingConsidered = false) : ICaseEvent;

        /// <summary>执转破.</summary>
        public sealed record TransferredToBankruptcy(DateOnly On, string ReceivingCourt) : ICaseEvent;
    }
}

/// <summary>A case event's stable stored name and its CLR type.</summary>
public sealed record CaseEventType(string StoredName, Type ClrType);

/// <summary>The stored names. Renaming a CLR type changes nothing here; a new shape gets a new name (v2) and an upcaster.</summary>
public static class CaseEventTypes
{
    public static IReadOnlyList<CaseEventType> All { get; } =
    [
        new("case.filed.v1", typeof(CaseEvents.V1.CaseFiled)),
        new("case.officer_assigned.v1", typeof(CaseEvents.V1.OfficerAssigned)),
        new("case.enforcement_notice_served.v1", typeof(CaseEvents.V1.EnforcementNoticeServed)),
        new("case.property_inquiry_completed.v1", typeof(CaseEvents.V1.PropertyInquiryCompleted)),
        new("case.asset_seized.v1", typeof(CaseEvents.V1.AssetSeized)),
        new("case.seizure_renewed.v1", typeof(CaseEvents.V1.SeizureRenewed)),
        new("case.seizure_lifted.v1", typeof(CaseEvents.V1.SeizureLifted)),
        new("case.asset_valued.v1", typeof(CaseEvents.V1.AssetValued)),
        new("case.auction_listed.v1", typeof(CaseEvents.V1.AuctionListed)),
        new("case.auction_sold.v1", typeof(CaseEvents.V1.AuctionSold)),
        new("case.auction_failed.v1", typeof(CaseEvents.V1.AuctionFailed)),
        new("case.funds_received.v1", typeof(CaseEvents.V1.FundsReceived)),
        new("case.funds_disbursed.v1", typeof(CaseEvents.V1.FundsDisbursed)),
        new("case.debtor_listed.v1", typeof(CaseEvents.V1.DebtorListed)),
        new("case.consumption_restricted.v1", typeof(CaseEvents.V1.ConsumptionRestricted)),
        new("case.exit_banned.v1", typeof(CaseEvents.V1.ExitBanned)),
        new("case.sanction_lifted.v1", typeof(CaseEvents.V1.SanctionLifted)),
        new("case.credit_repaired.v1", typeof(CaseEvents.V1.CreditRepaired)),
        new("case.reward_notice_published.v1", typeof(CaseEvents.V1.RewardNoticePublished)),
        new("case.settlement_reached.v1", typeof(CaseEvents.V1.SettlementReached)),
        new("case.suspended.v1", typeof(CaseEvents.V1.CaseSuspended)),
        new("case.resumed.v1", typeof(CaseEvents.V1.CaseResumed)),
        new("case.period_extended.v1", typeof(CaseEvents.V1.PeriodExtended)),
        new("case.concluded.v1", typeof(CaseEvents.V1.CaseConcluded)),
        new("case.transferred_to_bankruptcy.v1", typeof(CaseEvents.V1.TransferredToBankruptcy)),
    ];

    /// <summary>Registers every case event with the store under its stored name, serialized by <see cref="CaseEventsJsonContext"/>.</summary>
    public static EventTypeRegistry AddCaseEvents(this EventTypeRegistry registry)
    {
        var json = CaseEventsJsonContext.Default;
        Add(registry, json.CaseFiled);
        Add(registry, json.OfficerAssigned);
        Add(registry, json.EnforcementNoticeServed);
        Add(registry, json.PropertyInquiryCompleted);
        Add(registry, json.AssetSeized);
        Add(registry, json.SeizureRenewed);
        Add(registry, json.SeizureLifted);
        Add(registry, json.AssetValued);
        Add(registry, json.AuctionListed);
        Add(registry, json.AuctionSold);
        Add(registry, json.AuctionFailed);
        Add(registry, json.FundsReceived);
        Add(registry, json.FundsDisbursed);
        Add(registry, json.DebtorListed);
        Add(registry, json.ConsumptionRestricted);
        Add(registry, json.ExitBanned);
        Add(registry, json.SanctionLifted);
        Add(registry, json.CreditRepaired);
        Add(registry, json.RewardNoticePublished);
        Add(registry, json.SettlementReached);
        Add(registry, json.CaseSuspended);
        Add(registry, json.CaseResumed);
        Add(registry, json.PeriodExtended);
        Add(registry, json.CaseConcluded);
        Add(registry, json.TransferredToBankruptcy);
        return registry;
    }

    private static void Add<T>(EventTypeRegistry registry, JsonTypeInfo<T> info) where T : ICaseEvent =>
        registry.Register(StoredNameOf(typeof(T)), info);

    // Looked up for every event applied (each timeline entry names its milestone), so by hash, not by scan.
    private static readonly FrozenDictionary<Type, string> StoredNames = All.ToFrozenDictionary(t => t.ClrType, t => t.StoredName);

    public static string StoredNameOf(Type clrType) =>
        StoredNames.GetValueOrDefault(clrType)
        ?? throw new ArgumentException($"{clrType.Name} has no stored name", nameof(clrType));

    public static string StoredNameOf(ICaseEvent e) =>
        StoredNames.GetValueOrDefault(e.GetType())
        ?? throw new ArgumentException($"{e.GetType().Name} has no stored name", nameof(e));
}

/// <summary>Source-generated JSON for every case event: no reflection on the append or replay path.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(CaseEvents.V1.CaseFiled))]
[JsonSerializable(typeof(CaseEvents.V1.OfficerAssigned))]
[JsonSerializable(typeof(CaseEvents.V1.EnforcementNoticeServed))]
[JsonSerializable(typeof(CaseEvents.V1.PropertyInquiryCompleted))]
[JsonSerializable(typeof(CaseEvents.V1.AssetSeized))]
[JsonSerializable(typeof(CaseEvents.V1.SeizureRenewed))]
[JsonSerializable(typeof(CaseEvents.V1.SeizureLifted))]
[JsonSerializable(typeof(CaseEvents.V1.AssetValued))]
[JsonSerializable(typeof(CaseEvents.V1.AuctionListed))]
[JsonSerializable(typeof(CaseEvents.V1.AuctionSold))]
[JsonSerializable(typeof(CaseEvents.V1.AuctionFailed))]
[JsonSerializable(typeof(CaseEvents.V1.FundsReceived))]
[JsonSerializable(typeof(CaseEvents.V1.FundsDisbursed))]
[JsonSerializable(typeof(CaseEvents.V1.DebtorListed))]
[JsonSerializable(typeof(CaseEvents.V1.ConsumptionRestricted))]
[JsonSerializable(typeof(CaseEvents.V1.ExitBanned))]
[JsonSerializable(typeof(CaseEvents.V1.SanctionLifted))]
[JsonSerializable(typeof(CaseEvents.V1.CreditRepaired))]
[JsonSerializable(typeof(CaseEvents.V1.RewardNoticePublished))]
[JsonSerializable(typeof(CaseEvents.V1.SettlementReached))]
[JsonSerializable(typeof(CaseEvents.V1.CaseSuspended))]
[JsonSerializable(typeof(CaseEvents.V1.CaseResumed))]
[JsonSerializable(typeof(CaseEvents.V1.PeriodExtended))]
[JsonSerializable(typeof(CaseEvents.V1.CaseConcluded))]
[JsonSerializable(typeof(CaseEvents.V1.TransferredToBankruptcy))]
public sealed partial class CaseEventsJsonContext : JsonSerializerContext;
