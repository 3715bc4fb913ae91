using System.Collections.Immutable;
using static Transparency.Projections.Cases.CaseEvents;

namespace Transparency.Projections.Cases;

public enum CaseStage
{
    /// <summary>No CaseFiled yet: the stream does not exist.</summary>
    NotFiled,
    /// <summary>立案, no officer yet.</summary>
    Filed,
    /// <summary>执行中.</summary>
    Enforcing,
    /// <summary>中止执行.</summary>
    Suspended,
    /// <summary>结案 (any method, 终本 included).</summary>
    Concluded,
    /// <summary>执转破.</summary>
    TransferredToBankruptcy,
}

public sealed record Seizure(
    string AssetId,
    AssetKind Kind,
    string Description,
    long EstimatedValue,
    DateOnly Start,
    DateOnly TermEnd,
    DateOnly? LiftedOn = null,
    bool AuctionOpen = false,
    bool Sold = false)
{
    public bool IsActive => LiftedOn is null;
}

public sealed record Sanction(
    string SanctionId,
    SanctionKind Kind,
    Debtor Debtor,
    DateOnly ImposedOn,
    DateOnly? PeriodEnd,
    DateOnly? LiftedOn = null,
    LiftReason? LiftReason = null,
    string? RepairNoticeNumber = null)
{
    public bool IsActive => LiftedOn is null;
}

public sealed record Conclusion(DateOnly On, ConclusionMethod Method, long AmountRecovered, long UnperformedAmount);

/// <summary>
/// What the decider needs to know about one case, folded from its events. Holds full party IDs:
/// it lives only on the write side and is never stored as a read model.
/// </summary>
public sealed record CaseState
{
    public static CaseState Initial { get; } = new();

    public CaseStage Stage { get; init; } = CaseStage.NotFiled;
    public long Version { get; init; }
    public string CaseNumber { get; init; } = "";
    public string CourtCode { get; init; } = "";
    public DateOnly FiledOn { get; init; }
    public bool NonLitigation { get; init; }
    public IReadOnlyList<Party> Parties { get; init; } = [];
    public long AmountClaimed { get; init; }
    public long Received { get; init; }
    public long Disbursed { get; init; }
    public string? OfficerName { get; init; }
    public DateOnly? NoticeServedOn { get; init; }
    public DateOnly? LastInquiryOn { get; init; }
    public bool RewardOffered { get; init; }
    public bool Settled { get; init; }
    public DateOnly? SuspendedSince { get; init; }
    /// <summary>End of the enforcement period; moved by suspension and by approved extensions.</summary>
    public DateOnly Deadline { get; init; }
    public Conclusion? Conclusion { get; init; }
    public ImmutableDictionary<string, Seizure> Seizures { get; init; } = ImmutableDictionary<string, Seizure>.Empty;
    public ImmutableDictionary<string, Sanction> Sanctions { get; init; } = ImmutableDictionary<string, Sanction>.Empty;

    public bool IsClosed => Stage is CaseStage.Concluded or CaseStage.TransferredToBankruptcy;
    public long Outstanding => Math.Max(0, AmountClaimed - Received);

    public static CaseState Fold(IEnumerable<ICaseEvent> events) => events.Aggregate(Initial, Apply);

    /// <summary>(state, event) → state. Trusts the event: checking is <see cref="CaseDecider"/>'s job.</summary>
    public static CaseState Apply(CaseState s, ICaseEvent e)
    {
        var next = e switch
        {
            V1.CaseFiled f => s with
            {
                Stage = CaseStage.Filed,
                CaseNumber = f.CaseNumber,
                CourtCode = f.CourtCode,
                FiledOn = f.On,
                NonLitigation = f.NonLitigation,
                Parties = f.Parties,
                AmountClaimed = f.AmountClaimed,
                Deadline = EnforcementPeriod.Deadline(f.On, f.NonLitigation),
            },
            V1.OfficerAssigned o => s with
            {
                OfficerName = o.OfficerName,
                Stage = s.Stage == CaseStage.Filed ? CaseStage.Enforcing : s.Stage,
            },
            V1.EnforcementNoticeServed n => s with { NoticeServedOn = s.NoticeServedOn ?? n.On },
            V1.PropertyInquiryCompleted p => s with { LastInquiryOn = Later(s.LastInquiryOn, p.On) },
            V1.AssetSeized a => s with
            {
                Seizures = s.Seizures.SetItem(a.AssetId,
                    new Seizure(a.AssetId, a.Kind, a.Description, a.EstimatedValue, a.On, a.TermEnd)),
            },
            V1.SeizureRenewed r => UpdateSeizure(s, r.AssetId, z => z with { TermEnd = r.NewTermEnd }),
            V1.SeizureLifted l => UpdateSeizure(s, l.AssetId, z => z with { LiftedOn = l.On, AuctionOpen = false }),
            V1.AssetValued v => UpdateSeizure(s, v.AssetId, z => z with { EstimatedValue = v.Price }),
            V1.AuctionListed a => UpdateSeizure(s, a.AssetId, z => z with { AuctionOpen = true }),
            V1.AuctionFailed a => UpdateSeizure(s, a.AssetId, z => z with { AuctionOpen = false }),
            // A sold asset leaves the debtor's estate: the seizure ends with the sale.
            V1.AuctionSold a => UpdateSeizure(s, a.AssetId, z => z with { AuctionOpen = false, Sold = true, LiftedOn = a.On }),
            V1.FundsReceived r => s with { Received = s.Received + r.Amount },
            V1.FundsDisbursed d => s with { Disbursed = s.Disbursed + d.Amount },
            V1.DebtorListed l => AddSanction(s, new Sanction(l.SanctionId, SanctionKind.DishonestList, l.Debtor, l.On, l.PeriodEnd)),
            V1.ConsumptionRestricted c => AddSanction(s, new Sanction(c.SanctionId, SanctionKind.ConsumptionRestriction, c.Debtor, c.On, null)),
            V1.ExitBanned x => AddSanction(s, new Sanction(x.SanctionId, SanctionKind.ExitBan, x.Debtor, x.On, null)),
            V1.SanctionLifted l => UpdateSanction(s, l.SanctionId, z => z with { LiftedOn = l.On, LiftReason = l.Reason }),
            V1.CreditRepaired r => UpdateSanction(s, r.SanctionId, z => z with { RepairNoticeNumber = r.RepairNoticeNumber }),
            V1.RewardNoticePublished => s with { RewardOffered = true },
            V1.SettlementReached => s with { Settled = true },
            V1.CaseSuspended c => s with { Stage = CaseStage.Suspended, SuspendedSince = c.On },
            V1.CaseResumed r => s with
            {
                Stage = s.OfficerName is null ? CaseStage.Filed : CaseStage.Enforcing,
                SuspendedSince = null,
                Deadline = EnforcementPeriod.AfterSuspension(s.Deadline, s.SuspendedSince ?? r.On, r.On),
            },
            V1.PeriodExtended p => s with { Deadline = p.NewDeadline },
            V1.CaseConcluded c => s with
            {
                Stage = CaseStage.Concluded,
                Conclusion = new Conclusion(c.On, c.Method, c.AmountRecovered, c.UnperformedAmount),
            },
            V1.TransferredToBankruptcy => s with { Stage = CaseStage.TransferredToBankruptcy },
            _ => throw new ArgumentException($"Unknown case event {e.GetType().Name}", nameof(e)),
        };
        return next with { Version = s.Version + 1 };
    }

    public IEnumerable<Party> Respondents => Parties.Where(p => p.Role == PartyRole.Respondent);

    private static DateOnly Later(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;

    private static CaseState UpdateSeizure(CaseState s, string assetId, Func<Seizure, Seizure> change) =>
        s.Seizures.TryGetValue(assetId, out var z) ? s with { Seizures = s.Seizures.SetItem(assetId, change(z)) } : s;

    private static CaseState AddSanction(CaseState s, Sanction sanction) =>
        s with { Sanctions = s.Sanctions.SetItem(sanction.SanctionId, sanction) };

    private static CaseState UpdateSanction(CaseState s, string sanctionId, Func<Sanction, Sanction> change) =>
        s.Sanctions.TryGetValue(sanctionId, out var z) ? s with { Sanctions = s.Sanctions.SetItem(sanctionId, change(z)) } : s;
}
