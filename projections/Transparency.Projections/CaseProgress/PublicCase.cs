using System.Text.Json.Serialization;
using Transparency.Projections.Cases;
using Transparency.Projections.Identifiers;

namespace Transparency.Projections.CaseProgress;

public enum SeizureStatus { Active, Lifted, Sold }

public sealed record PublicSeizure(
    string AssetId,
    AssetKind Kind,
    string Description,
    long EstimatedValue,
    DateOnly Start,
    DateOnly TermEnd,
    SeizureStatus Status = SeizureStatus.Active,
    DateOnly? EndedOn = null,
    string? LiftReason = null,
    bool AuctionOpen = false,
    long? LastPrice = null);

/// <summary>One step in a sanction's life, for the entry's public history.</summary>
public sealed record SanctionChange(DateOnly On, string Change, string Detail);

/// <summary>
/// A sanction as published. <see cref="ListedName"/> is the name the listing published: in full
/// for the dishonest list and restriction orders (both are public), masked for exit bans (shown to
/// the parties only), and masked again for a person once the sanction is lifted.
/// </summary>
public sealed record PublicSanction(
    string SanctionId,
    SanctionKind Kind,
    PartyKind DebtorKind,
    string ListedName,
    string DebtorPublicId,
    string DebtorKey,
    ListingGround? Ground,
    string DocumentNumber,
    string? Obligation,
    Performance Performance,
    DateOnly ImposedOn,
    DateOnly? PeriodEnd,
    IReadOnlyList<SanctionChange> History,
    DateOnly? LiftedOn = null,
    LiftReason? LiftReason = null,
    string? RepairNoticeNumber = null,
    DateOnly? RepairedOn = null)
{
    [JsonIgnore]
    public bool IsActive => LiftedOn is null;

    /// <summary>Exit bans are shown to the parties only (DOMAIN.md).</summary>
    [JsonIgnore]
    public bool IsPublic => Kind != SanctionKind.ExitBan;

    /// <summary>A natural person is named in full only while on a public list; afterwards masked again.</summary>
    [JsonIgnore]
    public string ShownName => DebtorKind == PartyKind.Organisation || (IsActive && IsPublic)
        ? ListedName
        : PersonName.Mask(ListedName);
}

/// <summary>One public milestone. <see cref="Subject"/> is the asset or sanction it concerns.</summary>
public sealed record TimelineEntry(DateOnly On, string Milestone, string Summary, long? Amount = null, string? Subject = null);

public enum FundsDirection { Received, Disbursed }

public sealed record FundsMovement(DateOnly On, FundsDirection Direction, long Amount);

/// <summary>
/// The public, already masked view of one case, folded from its events: the state of the case
/// progress projection, and the single source every other per-case read model row is derived
/// from. Carries no full resident ID: parties enter it only through <see cref="PartyMasker"/>.
/// </summary>
public sealed record PublicCase
{
    public long Version { get; init; }
    public string CaseNumber { get; init; } = "";
    public string CourtCode { get; init; } = "";
    public DateOnly FiledOn { get; init; }
    public bool NonLitigation { get; init; }
    public string? EarlierCaseNumber { get; init; }
    public BasisDocument? Basis { get; init; }
    public CaseStage Stage { get; init; } = CaseStage.NotFiled;
    public DateOnly Deadline { get; init; }
    public DateOnly? SuspendedSince { get; init; }
    public string? OfficerName { get; init; }
    public DateOnly? NoticeServedOn { get; init; }
    public DateOnly? LastInquiryOn { get; init; }
    /// <summary>Inquiries after 终本 that found nothing; two of them are a deletion ground.</summary>
    public int EmptyInquiriesAfterTermination { get; init; }
    public IReadOnlyList<PublicParty> Parties { get; init; } = [];
    public long AmountClaimed { get; init; }
    public long Received { get; init; }
    public long Disbursed { get; init; }
    public IReadOnlyList<FundsMovement> Funds { get; init; } = [];
    public IReadOnlyList<PublicSeizure> Seizures { get; init; } = [];
    public IReadOnlyList<PublicSanction> Sanctions { get; init; } = [];
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];
    public Conclusion? Conclusion { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public string? BankruptcyCourt { get; init; }
    /// <summary>The first day a ground to delete the case's listings arose from its own events.</summary>
    public DateOnly? DeletionGroundOn { get; init; }
    /// <summary>Since when the active seized value has been well above what is still owed.</summary>
    public DateOnly? OverSeizedSince { get; init; }

    [JsonIgnore]
    public long Outstanding => Math.Max(0, AmountClaimed - Received);

    [JsonIgnore]
    public long ActiveSeizedValue
    {
        get
        {
            var sum = 0L;
            foreach (var s in Seizures)
            {
                sum += s.Status == SeizureStatus.Active ? s.EstimatedValue : 0;
            }
            return sum;
        }
    }

    [JsonIgnore]
    public bool IsClosed => Stage is CaseStage.Concluded or CaseStage.TransferredToBankruptcy;
}
