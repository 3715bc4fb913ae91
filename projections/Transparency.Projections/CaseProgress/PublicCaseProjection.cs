using System.Collections.Frozen;
using Transparency.Projections.Cases;
using Transparency.Projections.Identifiers;
using static Transparency.Projections.Cases.CaseEvents;

namespace Transparency.Projections.CaseProgress;

/// <summary>
/// The pure apply of the case read models: (public case, event) → public case. Masks on the way
/// in, so nothing downstream ever holds a full resident ID. Live projection and rebuild both run
/// exactly this.
/// </summary>
public static class PublicCaseProjection
{
    /// <summary>
    /// "Well above" the outstanding amount: more than 1.5 times it. The law sets no number (SPC
    /// Provisions on Seizure, Attachment and Freezing in Civil Enforcement, Art. 19: not "明显超标的"),
    /// so this is the project's reading, chosen to leave room for valuation error and costs.
    /// </summary>
    public const int OverSeizureNumerator = 3;
    public const int OverSeizureDenominator = 2;

    public static PublicCase Fold(IEnumerable<ICaseEvent> events, PartyMasker masker) =>
        events.Aggregate(new PublicCase(), (c, e) => Apply(c, e, masker));

    public static PublicCase Apply(PublicCase c, ICaseEvent e, PartyMasker masker)
    {
        // One copy of the case for what the event itself changes, one for everything that follows
        // from it: the rebuild applies millions of events, and each copy is a few hundred bytes.
        var (changed, entry) = Change(c, e, masker);
        var sanctions = WithPerformance(changed, e.On);
        return changed with
        {
            Version = c.Version + 1,
            Timeline = entry is null ? changed.Timeline : [.. changed.Timeline, entry],
            Sanctions = sanctions,
            Parties = ShownNames(changed.Parties, sanctions),
            DeletionGroundOn = changed.DeletionGroundOn ?? (DeletionGroundArose(changed) ? e.On : null),
            OverSeizedSince = IsOverSeized(changed) ? changed.OverSeizedSince ?? e.On : null,
        };
    }

    /// <summary>What one event changed in the case, and the public timeline entry it adds (none for an exit ban).</summary>
    private readonly record struct Changed(PublicCase Case, TimelineEntry? Entry);

    public static bool IsOverSeized(PublicCase c) =>
        c.ActiveSeizedValue > 0
        && c.ActiveSeizedValue * OverSeizureDenominator > c.Outstanding * OverSeizureNumerator;

    private static Changed Change(PublicCase c, ICaseEvent e, PartyMasker masker) => e switch
    {
        V1.CaseFiled f => With(c with
        {
            CaseNumber = f.CaseNumber,
            CourtCode = f.CourtCode,
            FiledOn = f.On,
            NonLitigation = f.NonLitigation,
            EarlierCaseNumber = f.EarlierCaseNumber,
            Basis = f.Basis,
            Stage = CaseStage.Filed,
            Deadline = EnforcementPeriod.Deadline(f.On, f.NonLitigation),
            Parties = f.Parties.Select(masker.Mask).ToList(),
            AmountClaimed = f.AmountClaimed,
        }, e, $"立案，执行标的 {Labels.Yuan(f.AmountClaimed)}，执行依据 {f.Basis.CaseNumber}（{f.Basis.IssuingBody}）", f.AmountClaimed),
        V1.OfficerAssigned o => With(c with
        {
            OfficerName = o.OfficerName,
            Stage = c.Stage == CaseStage.Filed ? CaseStage.Enforcing : c.Stage,
        }, e, $"承办人：{o.OfficerName}"),
        V1.EnforcementNoticeServed => With(c with { NoticeServedOn = c.NoticeServedOn ?? e.On }, e, "发出执行通知书、报告财产令"),
        V1.PropertyInquiryCompleted p => With(c with
        {
            LastInquiryOn = c.LastInquiryOn is { } last && last > p.On ? last : p.On,
            EmptyInquiriesAfterTermination = c.Conclusion?.Method == ConclusionMethod.TerminatedForNow && p.Channels.Sum(x => x.Hits) == 0
                ? c.EmptyInquiriesAfterTermination + 1
                : c.EmptyInquiriesAfterTermination,
        }, e, $"网络查控：查询 {p.Channels.Count} 类财产，发现 {p.Channels.Sum(x => x.Hits)} 项"),
        V1.AssetSeized a => With(c with
        {
            Seizures = [.. c.Seizures.Where(s => s.AssetId != a.AssetId),
                new PublicSeizure(a.AssetId, a.Kind, a.Description, a.EstimatedValue, a.On, a.TermEnd)],
        }, e, $"查封{a.Kind.Zh()}：{a.Description}，估值 {Labels.Yuan(a.EstimatedValue)}，期限至 {Labels.Date(a.TermEnd)}", a.EstimatedValue, a.AssetId),
        V1.SeizureRenewed r => With(Seizure(c, r.AssetId, s => s with { TermEnd = r.NewTermEnd }),
            e, $"续行查封，期限至 {Labels.Date(r.NewTermEnd)}", null, r.AssetId),
        V1.SeizureLifted l => With(Seizure(c, l.AssetId, s => s with { Status = SeizureStatus.Lifted, EndedOn = l.On, LiftReason = l.Reason, AuctionOpen = false }),
            e, $"解除查封：{l.Reason}", null, l.AssetId),
        V1.AssetValued v => With(Seizure(c, v.AssetId, s => s with { EstimatedValue = v.Price, LastPrice = v.Price }),
            e, $"询价评估：{Labels.Yuan(v.Price)}", v.Price, v.AssetId),
        V1.AuctionListed a => With(Seizure(c, a.AssetId, s => s with { AuctionOpen = true, LastPrice = a.StartingPrice }),
            e, $"网络拍卖挂拍，起拍价 {Labels.Yuan(a.StartingPrice)}", a.StartingPrice, a.AssetId),
        V1.AuctionSold a => With(Seizure(c, a.AssetId, s => s with { AuctionOpen = false, Status = SeizureStatus.Sold, EndedOn = a.On, LastPrice = a.Price }),
            e, $"拍卖成交：{Labels.Yuan(a.Price)}", a.Price, a.AssetId),
        V1.AuctionFailed a => With(Seizure(c, a.AssetId, s => s with { AuctionOpen = false, LastPrice = a.StartingPrice }),
            e, $"流拍，起拍价 {Labels.Yuan(a.StartingPrice)}", a.StartingPrice, a.AssetId),
        V1.FundsReceived r => With(c with
        {
            Received = c.Received + r.Amount,
            Funds = [.. c.Funds, new FundsMovement(r.On, FundsDirection.Received, r.Amount)],
        }, e, $"执行款到位 {Labels.Yuan(r.Amount)}", r.Amount),
        V1.FundsDisbursed d => With(c with
        {
            Disbursed = c.Disbursed + d.Amount,
            Funds = [.. c.Funds, new FundsMovement(d.On, FundsDirection.Disbursed, d.Amount)],
        }, e, $"执行款发放 {Labels.Yuan(d.Amount)}", d.Amount),
        V1.DebtorListed l => AddSanction(c, e, masker, l.SanctionId, SanctionKind.DishonestList, l.Debtor, l.Ground,
            l.DecisionNumber, l.Obligation, l.Performance, l.PeriodEnd),
        V1.ConsumptionRestricted r => AddSanction(c, e, masker, r.SanctionId, SanctionKind.ConsumptionRestriction, r.Debtor, null,
            r.OrderNumber, null, Performance.NotPerformed, null),
        V1.ExitBanned x => AddSanction(c, e, masker, x.SanctionId, SanctionKind.ExitBan, x.Debtor, null,
            x.OrderNumber, null, Performance.NotPerformed, null),
        V1.SanctionLifted l => LiftSanction(c, e, l),
        V1.CreditRepaired r => RepairSanction(c, e, r),
        V1.RewardNoticePublished r => With(c, e, $"发布悬赏公告，悬赏金额 {Labels.Yuan(r.AmountOffered)}，征集：{r.AssetLeadsSought}", r.AmountOffered),
        V1.SettlementReached s => With(c, e, $"达成执行和解：{s.TermsSummary}"),
        V1.CaseSuspended s => With(c with { Stage = CaseStage.Suspended, SuspendedSince = s.On }, e, $"中止执行：{s.Reason}"),
        V1.CaseResumed r => With(c with
        {
            Stage = c.OfficerName is null ? CaseStage.Filed : CaseStage.Enforcing,
            SuspendedSince = null,
            Deadline = EnforcementPeriod.AfterSuspension(c.Deadline, c.SuspendedSince ?? r.On, r.On),
        }, e, $"恢复执行：{r.Reason}"),
        V1.PeriodExtended p => With(c with { Deadline = p.NewDeadline }, e, $"经批准延长执行期限至 {Labels.Date(p.NewDeadline)}"),
        V1.CaseConcluded k => With(c with
        {
            Stage = CaseStage.Concluded,
            ClosedOn = k.On,
            Conclusion = new Conclusion(k.On, k.Method, k.AmountRecovered, k.UnperformedAmount),
        }, e, $"结案（{k.Method.Zh()}），执行到位 {Labels.Yuan(k.AmountRecovered)}，未履行 {Labels.Yuan(k.UnperformedAmount)}", k.AmountRecovered),
        V1.TransferredToBankruptcy t => With(c with
        {
            Stage = CaseStage.TransferredToBankruptcy,
            ClosedOn = t.On,
            BankruptcyCourt = t.ReceivingCourt,
        }, e, $"移送破产审查（{t.ReceivingCourt}）"),
        _ => throw new ArgumentException($"Unknown case event {e.GetType().Name}", nameof(e)),
    };

    /// <summary>The milestone code of an event: its stored name without the version (<c>case.asset_seized</c>).</summary>
    public static string Milestone(ICaseEvent e) =>
        Milestones.GetValueOrDefault(e.GetType()) ?? throw new ArgumentException($"{e.GetType().Name} has no stored name", nameof(e));

    // Every event applied adds a timeline entry naming its milestone: computed once per type.
    private static readonly FrozenDictionary<Type, string> Milestones = CaseEventTypes.All.ToFrozenDictionary(
        t => t.ClrType, t => t.StoredName[..t.StoredName.LastIndexOf('.')]);

    private static Changed With(PublicCase c, ICaseEvent e, string summary, long? amount = null, string? subject = null) =>
        new(c, new TimelineEntry(e.On, Milestone(e), summary, amount, subject));

    private static PublicCase Seizure(PublicCase c, string assetId, Func<PublicSeizure, PublicSeizure> change) =>
        c with { Seizures = c.Seizures.Select(s => s.AssetId == assetId ? change(s) : s).ToList() };

    private static PublicCase Sanction(PublicCase c, string sanctionId, Func<PublicSanction, PublicSanction> change) =>
        c with { Sanctions = c.Sanctions.Select(s => s.SanctionId == sanctionId ? change(s) : s).ToList() };

    private static Changed AddSanction(PublicCase c, ICaseEvent e, PartyMasker masker, string sanctionId, SanctionKind kind,
        Debtor debtor, ListingGround? ground, string document, string? obligation, Performance performance, DateOnly? periodEnd)
    {
        var (publicId, key) = masker.Identify(debtor.Kind, debtor.IdNumber);
        var published = debtor.Kind == PartyKind.Organisation || kind != SanctionKind.ExitBan
            ? debtor.Name.Trim()
            : PersonName.Mask(debtor.Name);
        var detail = ground is { } g ? $"{kind.Zh()}（{g.Zh()}），文书 {document}" : $"{kind.Zh()}，文书 {document}";
        var sanction = new PublicSanction(sanctionId, kind, debtor.Kind, published, publicId, key, ground, document, obligation,
            performance, e.On, periodEnd, [new SanctionChange(e.On, "imposed", detail)]);
        var withSanction = c with { Sanctions = [.. c.Sanctions, sanction] };
        // The timeline outlives the listing, so it names a person masked; the sanction itself shows
        // the full name only while it is in force.
        var named = debtor.Kind == PartyKind.Organisation ? published : PersonName.Mask(debtor.Name);
        // Exit bans are shown to the parties only: no public timeline entry.
        return kind == SanctionKind.ExitBan
            ? new Changed(withSanction, null)
            : With(withSanction, e, $"{named} 被{(kind == SanctionKind.DishonestList ? "纳入失信被执行人名单" : "限制消费")}，文书 {document}", null, sanctionId);
    }

    private static Changed LiftSanction(PublicCase c, ICaseEvent e, V1.SanctionLifted l)
    {
        // Once lifted, a person's full name is no longer public anywhere: not even in this state.
        var lifted = Sanction(c, l.SanctionId, s => s with
        {
            ListedName = s.DebtorKind == PartyKind.Organisation ? s.ListedName : PersonName.Mask(s.ListedName),
            LiftedOn = l.On,
            LiftReason = l.Reason,
            History = [.. s.History, new SanctionChange(l.On, "lifted", l.Reason.Zh())],
        });
        var sanction = lifted.Sanctions.FirstOrDefault(s => s.SanctionId == l.SanctionId);
        return sanction is { IsPublic: true }
            ? With(lifted, e, $"{sanction.Kind.Zh()}信息删除/解除：{l.Reason.Zh()}", null, l.SanctionId)
            : new Changed(lifted, null);
    }

    private static Changed RepairSanction(PublicCase c, ICaseEvent e, V1.CreditRepaired r)
    {
        var repaired = Sanction(c, r.SanctionId, s => s with
        {
            RepairNoticeNumber = r.RepairNoticeNumber,
            RepairedOn = r.On,
            History = [.. s.History, new SanctionChange(r.On, "repaired", $"信用修复公告 {r.RepairNoticeNumber}")],
        });
        return With(repaired, e, $"发布信用修复公告 {r.RepairNoticeNumber}", null, r.SanctionId);
    }

    /// <summary>
    /// The portal's 履行情况 follows the money: once something came in a listing shows partly
    /// performed, once the claim is covered (or the case completed) performed.
    /// </summary>
    private static IReadOnlyList<PublicSanction> WithPerformance(PublicCase c, DateOnly on)
    {
        var performance = c.Conclusion?.Method == ConclusionMethod.Completed && c.Conclusion.UnperformedAmount == 0
            || (c.AmountClaimed > 0 && c.Received >= c.AmountClaimed)
            ? Performance.Performed
            : c.Received > 0 ? Performance.PartlyPerformed : (Performance?)null;
        if (performance is not { } p)
        {
            return c.Sanctions;
        }
        List<PublicSanction>? changed = null;
        for (var i = 0; i < c.Sanctions.Count; i++)
        {
            var s = c.Sanctions[i];
            var shown = s.IsActive && s.Performance < p
                ? s with { Performance = p, History = [.. s.History, new SanctionChange(on, "performance", p.Zh())] }
                : s;
            changed = Collect(changed, c.Sanctions, i, s, shown);
        }
        return changed ?? c.Sanctions;
    }

    /// <summary>
    /// Copy-on-write for lists the fold rewrites on every event but rarely changes: the copy starts at the first
    /// item that changed, so an unchanged list is kept as it is.
    /// </summary>
    private static List<T>? Collect<T>(List<T>? changed, IReadOnlyList<T> items, int i, T item, T replacement) where T : class
    {
        if (changed is null && !ReferenceEquals(item, replacement))
        {
            changed = new List<T>(items.Count);
            for (var j = 0; j < i; j++)
            {
                changed.Add(items[j]);
            }
        }
        changed?.Add(replacement);
        return changed;
    }

    /// <summary>
    /// SPC Provisions on Publishing the List of Dishonest Judgment Debtors (2017), Art. 10: the
    /// grounds that oblige the court to delete a listing within 3 working days. Those visible in
    /// the case's own events: full performance (1), two empty inquiries after 终本 (4), bankruptcy
    /// (5), 不予执行 (6), 终结执行 (7). The earliest one counts; expiry of the period is per listing.
    /// </summary>
    private static bool DeletionGroundArose(PublicCase c) =>
        (c.AmountClaimed > 0 && c.Received >= c.AmountClaimed)
        || c.Conclusion is { Method: ConclusionMethod.Completed or ConclusionMethod.Terminated or ConclusionMethod.NotEnforced }
        || c.Stage == CaseStage.TransferredToBankruptcy
        || c.EmptyInquiriesAfterTermination >= 2;

    /// <summary>DOMAIN.md: organisations in full; natural persons in full only while on a public list; everyone else masked.</summary>
    /// <remarks>Runs on every event; most leave every name as it was, and then the list itself is kept.</remarks>
    private static IReadOnlyList<PublicParty> ShownNames(IReadOnlyList<PublicParty> parties, IReadOnlyList<PublicSanction> sanctions)
    {
        List<PublicParty>? changed = null;
        for (var i = 0; i < parties.Count; i++)
        {
            var p = parties[i];
            var shown = p;
            if (p.Kind != PartyKind.Organisation)
            {
                // Masking a masked name returns the same string, so a name that stays as it was costs nothing.
                var name = ListedName(sanctions, p.DebtorKey) ?? PersonName.Mask(p.Name);
                shown = name == p.Name ? p : p with { Name = name };
            }
            changed = Collect(changed, parties, i, p, shown);
        }
        return changed ?? parties;
    }

    private static string? ListedName(IReadOnlyList<PublicSanction> sanctions, string debtorKey)
    {
        foreach (var s in sanctions)
        {
            if (s.IsActive && s.IsPublic && s.DebtorKey == debtorKey)
            {
                return s.ListedName;
            }
        }
        return null;
    }
}
