using Transparency.Projections.Calendar;
using Transparency.Projections.Courts;
using Transparency.Projections.Identifiers;
using static Transparency.Projections.Cases.CaseEvents;

namespace Transparency.Projections.Cases;

/// <summary>The answer to "may this event be appended to this case?".</summary>
public sealed record CaseDecision
{
    private CaseDecision(CaseState state, CaseRule? broken, string? detail)
    {
        State = state;
        BrokenRule = broken;
        Detail = detail;
    }

    /// <summary>The state after the event when accepted; the unchanged state when rejected.</summary>
    public CaseState State { get; }

    /// <summary>The rule the event breaks; null when accepted.</summary>
    public CaseRule? BrokenRule { get; }

    /// <summary>Which part of the event broke it (an asset or sanction id, a field name), never personal data.</summary>
    public string? Detail { get; }

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(BrokenRule))]
    public bool IsAccepted => BrokenRule is null;

    internal static CaseDecision Accept(CaseState state) => new(state, null, null);

    internal static CaseDecision Reject(CaseState state, CaseRule rule, string? detail) => new(state, rule, detail);
}

/// <summary>
/// The decision step: checks a proposed event against the case's current state and the clock
/// (DOMAIN.md, "each event is validated against the case's current state before it is
/// appended"). Pure: the same state, event and day always give the same answer.
/// </summary>
public static class CaseDecider
{
    public static CaseDecision Decide(CaseState state, ICaseEvent proposed, TimeProvider clock) =>
        Decide(state, proposed, ChinaCalendar.Today(clock));

    public static CaseDecision Decide(CaseState state, ICaseEvent proposed, DateOnly today)
    {
        var (rule, detail) = Check(state, proposed, today);
        return rule is null
            ? CaseDecision.Accept(CaseState.Apply(state, proposed))
            : CaseDecision.Reject(state, rule, detail);
    }

    public static CaseDecision DecideAll(CaseState state, IEnumerable<ICaseEvent> proposed, TimeProvider clock) =>
        DecideAll(state, proposed, ChinaCalendar.Today(clock));

    /// <summary>Decides a batch in order; stops at the first rejection, so a batch is all or nothing.</summary>
    public static CaseDecision DecideAll(CaseState state, IEnumerable<ICaseEvent> proposed, DateOnly today)
    {
        var decision = CaseDecision.Accept(state);
        foreach (var e in proposed)
        {
            var next = Decide(decision.State, e, today);
            if (!next.IsAccepted)
            {
                return CaseDecision.Reject(state, next.BrokenRule, next.Detail);
            }
            decision = next;
        }
        return decision;
    }

    private static (CaseRule? Rule, string? Detail) Check(CaseState s, ICaseEvent e, DateOnly today)
    {
        if (e.On > today)
        {
            return (CaseRules.DatedInFuture, "on");
        }
        if (MissingPart(e) is { } part)
        {
            return (CaseRules.RequiredField, part);
        }
        if (e is V1.CaseFiled filed)
        {
            return s.Stage == CaseStage.NotFiled ? CheckFiling(filed, today) : (CaseRules.AlreadyFiled, null);
        }
        if (s.Stage == CaseStage.NotFiled)
        {
            return (CaseRules.FirstEventMustBeFiling, null);
        }
        if (e.On < s.FiledOn)
        {
            return (CaseRules.DatedBeforeFiling, "on");
        }
        if (s.IsClosed && !AllowedAfterClosing(e))
        {
            return (CaseRules.CaseClosed, null);
        }
        if (s.Stage == CaseStage.Suspended && RefusedWhileSuspended(e))
        {
            return (CaseRules.CaseSuspended, null);
        }
        if (SubjectSince(s, e) is ({ } subject, { } since) && e.On < since)
        {
            return (CaseRules.DatedBeforeSubject, subject);
        }
        return e switch
        {
            V1.OfficerAssigned o => Required(o.OfficerName, "officer_name") ?? Required(o.OfficerId, "officer_id") ?? Ok,
            V1.EnforcementNoticeServed => Ok,
            V1.PropertyInquiryCompleted p => p.Channels.Count == 0 ? (CaseRules.RequiredField, "channels")
                : p.Channels.Any(c => c.Hits < 0) ? (CaseRules.NegativeAmount, "hits") : Ok,
            V1.AssetSeized a => CheckSeizure(s, a),
            V1.SeizureRenewed r => CheckRenewal(s, r),
            V1.SeizureLifted l => ActiveSeizure(s, l.AssetId, out _) ?? Ok,
            V1.AssetValued v => ActiveSeizure(s, v.AssetId, out _) ?? NonNegative(v.Price, "price") ?? Ok,
            V1.AuctionListed a => ActiveSeizure(s, a.AssetId, out var z) ?? NonNegative(a.StartingPrice, "starting_price")
                ?? (z!.AuctionOpen ? (CaseRules.AuctionAlreadyOpen, a.AssetId) : Ok),
            V1.AuctionSold a => OpenAuction(s, a.AssetId) ?? NonNegative(a.Price, "price") ?? Ok,
            V1.AuctionFailed a => OpenAuction(s, a.AssetId) ?? NonNegative(a.StartingPrice, "starting_price") ?? Ok,
            V1.FundsReceived r => Positive(r.Amount) ?? Ok,
            // DOMAIN.md: disbursed ≤ received; money cannot leave the court's account before it arrived.
            V1.FundsDisbursed d => Positive(d.Amount)
                ?? (s.Disbursed + d.Amount > s.Received ? (CaseRules.DisbursedExceedsReceived, "amount") : Ok),
            V1.DebtorListed l => CheckNewSanction(s, l.SanctionId, l.Debtor, SanctionKind.DishonestList)
                ?? Required(l.DecisionNumber, "decision_number") ?? CheckListingPeriod(l),
            V1.ConsumptionRestricted c => CheckNewSanction(s, c.SanctionId, c.Debtor, SanctionKind.ConsumptionRestriction)
                ?? Required(c.OrderNumber, "order_number") ?? Ok,
            V1.ExitBanned x => CheckNewSanction(s, x.SanctionId, x.Debtor, SanctionKind.ExitBan)
                ?? Required(x.OrderNumber, "order_number") ?? Ok,
            V1.SanctionLifted l => CheckLift(s, l),
            V1.CreditRepaired r => CheckRepair(s, r),
            V1.RewardNoticePublished r => NonNegative(r.AmountOffered, "amount_offered") ?? Required(r.AssetLeadsSought, "asset_leads_sought") ?? Ok,
            V1.SettlementReached t => Required(t.TermsSummary, "terms_summary") ?? Ok,
            V1.CaseSuspended c => s.Stage == CaseStage.Suspended ? (CaseRules.AlreadySuspended, null) : Required(c.Reason, "reason") ?? Ok,
            V1.CaseResumed => s.Stage != CaseStage.Suspended ? (CaseRules.NotSuspended, null) : Ok,
            V1.PeriodExtended p => Required(p.Approval, "approval")
                ?? (p.NewDeadline <= s.Deadline ? (CaseRules.ExtensionNotLater, "new_deadline") : Ok),
            V1.CaseConcluded c => CheckConclusion(s, c),
            V1.TransferredToBankruptcy t => Required(t.ReceivingCourt, "receiving_court") ?? Ok,
            _ => throw new ArgumentException($"Unknown case event {e.GetType().Name}", nameof(e)),
        };
    }

    private static readonly (CaseRule?, string?) Ok = (null, null);

    /// <summary>
    /// Events arrive as JSON, where a missing object or list reads as null whatever the record
    /// declares; name it instead of failing further in.
    /// </summary>
    private static string? MissingPart(ICaseEvent e) => e switch
    {
        V1.CaseFiled { Parties: null } => "parties",
        V1.CaseFiled { Basis: null } => "basis",
        V1.PropertyInquiryCompleted { Channels: null } => "channels",
        V1.DebtorListed { Debtor: null } or V1.ConsumptionRestricted { Debtor: null } or V1.ExitBanned { Debtor: null } => "debtor",
        _ => null,
    };

    /// <summary>The seizure or sanction an event acts on, and the day from which it can act on it.</summary>
    private static (string? Subject, DateOnly? Since) SubjectSince(CaseState s, ICaseEvent e)
    {
        var assetId = e switch
        {
            V1.SeizureRenewed r => r.AssetId,
            V1.SeizureLifted l => l.AssetId,
            V1.AssetValued v => v.AssetId,
            V1.AuctionListed a => a.AssetId,
            V1.AuctionSold a => a.AssetId,
            V1.AuctionFailed a => a.AssetId,
            _ => null,
        };
        if (assetId is not null)
        {
            return s.Seizures.TryGetValue(assetId, out var z) ? (assetId, z.Start) : (null, null);
        }
        return e switch
        {
            V1.SanctionLifted l when s.Sanctions.TryGetValue(l.SanctionId, out var z) => (l.SanctionId, z.ImposedOn),
            V1.CreditRepaired r when s.Sanctions.TryGetValue(r.SanctionId, out var z) => (r.SanctionId, z.LiftedOn ?? z.ImposedOn),
            _ => (null, null),
        };
    }

    /// <summary>
    /// A closed case still winds down: seizures are renewed or lifted, money already received is
    /// paid out, listings are deleted and repaired, and after 终本 the court keeps inquiring.
    /// Everything else (a new seizure, listing, receipt...) belongs to a new 执恢 case.
    /// </summary>
    private static bool AllowedAfterClosing(ICaseEvent e) => e is V1.PropertyInquiryCompleted or V1.SeizureRenewed
        or V1.SeizureLifted or V1.FundsDisbursed or V1.SanctionLifted or V1.CreditRepaired;

    /// <summary>
    /// 中止执行 stops enforcement measures; existing ones stay, lifting and paying out go on, and a
    /// suspended case can still end (终结执行 after a debtor's death, 执转破).
    /// </summary>
    private static bool RefusedWhileSuspended(ICaseEvent e) => e is V1.AssetSeized or V1.AuctionListed or V1.AuctionSold
        or V1.DebtorListed or V1.ConsumptionRestricted or V1.ExitBanned or V1.RewardNoticePublished;

    private static (CaseRule?, string?) CheckFiling(V1.CaseFiled f, DateOnly today)
    {
        var missing = Required(f.CaseNumber, "case_number") ?? Required(f.CourtCode, "court_code")
            ?? Required(f.Basis.CaseNumber, "basis.case_number") ?? Required(f.Basis.IssuingBody, "basis.issuing_body");
        if (missing is { } m)
        {
            return m;
        }
        // The stream and every read model key on the number as written, so it must be the canonical form.
        var parsed = CaseNumber.Parse(f.CaseNumber, today);
        if (!parsed.IsSuccess)
        {
            return (CaseRules.InvalidCaseNumber, parsed.Error.Code);
        }
        if (parsed.Value.ToString() != f.CaseNumber)
        {
            return (CaseRules.InvalidCaseNumber, "not_canonical");
        }
        if (parsed.Value.Court is { } court && court.ToString() != f.CourtCode)
        {
            return (CaseRules.CourtMismatch, "court_code");
        }
        // Only courts of the directory (Sichuan and Henan) write here; an unknown code would be a
        // case no court page, statistic or API key can ever reach.
        if (CourtDirectory.Find(f.CourtCode) is null)
        {
            return (CaseRules.UnknownCourt, "court_code");
        }
        if (parsed.Value.Type == EnforcementType.Resumed && string.IsNullOrWhiteSpace(f.EarlierCaseNumber))
        {
            return (CaseRules.ResumedWithoutEarlier, "earlier_case_number");
        }
        if (!f.Parties.Any(p => p.Role == PartyRole.Applicant) || !f.Parties.Any(p => p.Role == PartyRole.Respondent))
        {
            return (CaseRules.MissingParties, "parties");
        }
        for (var i = 0; i < f.Parties.Count; i++)
        {
            if (CheckParty(f.Parties[i], today) is { } error)
            {
                return (error.Rule, $"parties[{i}]" + (error.Code is null ? "" : ": " + error.Code));
            }
        }
        return NonNegative(f.AmountClaimed, "amount_claimed") ?? Ok;
    }

    /// <summary>A party needs a name and an ID that passes its check character: a bad number would match nobody across cases.</summary>
    private static (CaseRule Rule, string? Code)? CheckParty(Party p, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(p.Name) || string.IsNullOrWhiteSpace(p.IdNumber))
        {
            return (CaseRules.RequiredField, null);
        }
        var error = p.Kind == PartyKind.Organisation
            ? UnifiedSocialCreditCode.Parse(p.IdNumber).Error
            : ResidentId.Parse(p.IdNumber, today).Error;
        return error is null ? null : (CaseRules.InvalidPartyId, error.Code);
    }

    private static (CaseRule?, string?) CheckSeizure(CaseState s, V1.AssetSeized a)
    {
        if ((Required(a.AssetId, "asset_id") ?? Required(a.Description, "description") ?? NonNegative(a.EstimatedValue, "estimated_value")) is { } bad)
        {
            return bad;
        }
        if (s.Seizures.TryGetValue(a.AssetId, out var existing) && existing.IsActive)
        {
            return (CaseRules.SeizureAlreadyActive, a.AssetId);
        }
        if (a.TermEnd <= a.On)
        {
            return (CaseRules.SeizureTermNotAfterStart, a.AssetId);
        }
        // SPC Interpretation of the Civil Procedure Law (2022), Art. 485: term limits by kind.
        return a.TermEnd > SeizureTerm.LatestEnd(a.Kind, a.On) ? (CaseRules.SeizureTermTooLong, a.AssetId) : Ok;
    }

    private static (CaseRule?, string?) CheckRenewal(CaseState s, V1.SeizureRenewed r)
    {
        if (ActiveSeizure(s, r.AssetId, out var z) is { } bad)
        {
            return bad;
        }
        // Art. 485 para. 2: renewal is done before the term ends; once it has ended the asset is free.
        if (r.On > z!.TermEnd)
        {
            return (CaseRules.SeizureExpired, r.AssetId);
        }
        if (r.NewTermEnd <= z.TermEnd)
        {
            return (CaseRules.RenewalNotLater, r.AssetId);
        }
        return r.NewTermEnd > SeizureTerm.LatestEnd(z.Kind, z.TermEnd) ? (CaseRules.SeizureTermTooLong, r.AssetId) : Ok;
    }

    private static (CaseRule?, string?)? ActiveSeizure(CaseState s, string assetId, out Seizure? seizure)
    {
        if (!s.Seizures.TryGetValue(assetId, out seizure))
        {
            return (CaseRules.SeizureNotFound, assetId);
        }
        return seizure.IsActive ? null : (CaseRules.SeizureNotActive, assetId);
    }

    private static (CaseRule?, string?)? OpenAuction(CaseState s, string assetId) =>
        ActiveSeizure(s, assetId, out var z) ?? (z!.AuctionOpen ? null : (CaseRules.AuctionNotOpen, assetId));

    private static (CaseRule?, string?)? CheckNewSanction(CaseState s, string sanctionId, Debtor debtor, SanctionKind kind)
    {
        if (Required(sanctionId, "sanction_id") is { } missing)
        {
            return missing;
        }
        if (s.Sanctions.ContainsKey(sanctionId))
        {
            return (CaseRules.SanctionIdTaken, sanctionId);
        }
        if (!s.Respondents.Any(p => p.Kind == debtor.Kind && p.IdNumber == debtor.IdNumber))
        {
            return (CaseRules.NotARespondent, sanctionId);
        }
        return s.Sanctions.Values.Any(x => x.IsActive && x.Kind == kind && x.Debtor.IdNumber == debtor.IdNumber)
            ? (CaseRules.SanctionAlreadyActive, sanctionId)
            : null;
    }

    /// <summary>
    /// SPC Provisions on Publishing the List of Dishonest Judgment Debtors (2017), Art. 2: grounds
    /// (2)–(6) list for 2 years, extendable by 1 to 3 years; ground (1) runs until performance.
    /// </summary>
    private static (CaseRule?, string?) CheckListingPeriod(V1.DebtorListed l)
    {
        if (l.PeriodEnd is not { } end)
        {
            return l.Ground == ListingGround.RefusesDespiteAbility ? Ok : (CaseRules.ListingPeriodRequired, l.SanctionId);
        }
        return end <= l.On || end > l.On.AddYears(5) ? (CaseRules.ListingPeriodInvalid, l.SanctionId) : Ok;
    }

    private static (CaseRule?, string?) CheckLift(CaseState s, V1.SanctionLifted l)
    {
        if (!s.Sanctions.TryGetValue(l.SanctionId, out var z))
        {
            return (CaseRules.SanctionNotFound, l.SanctionId);
        }
        return z.IsActive ? Ok : (CaseRules.SanctionAlreadyLifted, l.SanctionId);
    }

    private static (CaseRule?, string?) CheckRepair(CaseState s, V1.CreditRepaired r)
    {
        if (!s.Sanctions.TryGetValue(r.SanctionId, out var z))
        {
            return (CaseRules.SanctionNotFound, r.SanctionId);
        }
        if (z.Kind != SanctionKind.DishonestList)
        {
            return (CaseRules.RepairNotAListing, r.SanctionId);
        }
        if (z.IsActive)
        {
            return (CaseRules.RepairBeforeLift, r.SanctionId);
        }
        if (z.RepairNoticeNumber is not null)
        {
            return (CaseRules.AlreadyRepaired, r.SanctionId);
        }
        return Required(r.RepairNoticeNumber, "repair_notice_number") ?? Ok;
    }

    /// <summary>
    /// 终本 prerequisites: SPC Provisions on Strictly Regulating the Termination of the Current
    /// Enforcement Procedure (Trial) (法〔2016〕373号), Art. 1: enforcement notice and property-report
    /// order served; consumption restriction issued and the debtor checked against the listing
    /// conditions; property investigated through the online inquiry system; more than three months
    /// since filing; and, before closing, the applicant informed and heard.
    /// </summary>
    private static (CaseRule?, string?) CheckConclusion(CaseState s, V1.CaseConcluded c)
    {
        if ((NonNegative(c.AmountRecovered, "amount_recovered") ?? NonNegative(c.UnperformedAmount, "unperformed_amount")) is { } bad)
        {
            return bad;
        }
        if (c.Method != ConclusionMethod.TerminatedForNow)
        {
            return Ok;
        }
        if (s.NoticeServedOn is null)
        {
            return (CaseRules.TerminationWithoutNotice, null);
        }
        if (s.LastInquiryOn is null)
        {
            return (CaseRules.TerminationWithoutInquiry, null);
        }
        if (!s.Sanctions.Values.Any(x => x.Kind == SanctionKind.ConsumptionRestriction))
        {
            return (CaseRules.TerminationWithoutRestriction, null);
        }
        if (!c.ListingConsidered)
        {
            return (CaseRules.TerminationWithoutListCheck, null);
        }
        if (!c.ApplicantInterviewed)
        {
            return (CaseRules.TerminationWithoutInterview, null);
        }
        return c.On < s.FiledOn.AddMonths(3) ? (CaseRules.TerminationTooEarly, null) : Ok;
    }

    private static (CaseRule?, string?)? Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? (CaseRules.RequiredField, field) : null;

    private static (CaseRule?, string?)? NonNegative(long amount, string field) =>
        amount < 0 ? (CaseRules.NegativeAmount, field) : null;

    private static (CaseRule?, string?)? Positive(long amount) =>
        amount < 0 ? (CaseRules.NegativeAmount, "amount") : amount == 0 ? (CaseRules.NonPositiveFunds, "amount") : null;
}
