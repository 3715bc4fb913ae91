using Transparency.Projections.Cases;
using static Transparency.Projections.Cases.CaseEvents;
using static Transparency.Projections.Tests.Cases.CaseFixtures;

namespace Transparency.Projections.Tests.Cases;

/// <summary>A case that got as far as <see cref="Setup"/>, and the event that breaks <see cref="Rule"/> next.</summary>
public sealed record RuleScenario(CaseRule Rule, ICaseEvent[] Setup, ICaseEvent Rejected)
{
    public override string ToString() => Rule.Code;

    /// <summary>The same scenario on its own case number: the fixture's filing (and only that one) is renumbered.</summary>
    public RuleScenario Numbered(string number) => this with
    {
        Setup = [.. Setup.Select(e => Renumber(e, number))],
        Rejected = Renumber(Rejected, number),
    };

    private static ICaseEvent Renumber(ICaseEvent e, string number) =>
        e is V1.CaseFiled { CaseNumber: CaseFixtures.Number } f ? f with { CaseNumber = number } : e;
}

/// <summary>One scenario per rule of <see cref="CaseRules"/>, on the fixture's case (filed 2024-03-01, decided on <see cref="CaseFixtures.Today"/>).</summary>
public static class RuleScenarios
{
    private static V1.AssetSeized House(DateOnly on, DateOnly? termEnd = null) =>
        new(on, "A1", AssetKind.RealEstate, "锦江区某路**号房产", 3_000_000_00, termEnd ?? on.AddYears(3));

    private static readonly DateOnly BankStart = Day(12);

    private static V1.AssetSeized BankFreeze() => new(BankStart, "B1", AssetKind.BankFunds, "某银行账户", 50_000_00, BankStart.AddYears(1));

    private static V1.DebtorListed Listing(string id = "S1", Debtor? debtor = null) =>
        new(Day(30), id, debtor ?? Person, ListingGround.ViolatesPropertyReporting, "（2024）川0104执1234号之一", Day(30).AddYears(2),
            "支付货款100000元", Performance.NotPerformed);

    private static V1.ConsumptionRestricted Restriction() => new(Day(20), "R1", Person, "（2024）川0104执1234号之二");

    private static V1.CaseConcluded Termination(DateOnly on, bool interviewed = true, bool considered = true) =>
        new(on, ConclusionMethod.TerminatedForNow, 0, 10_000_000, interviewed, considered);

    private static RuleScenario S(CaseRule rule, ICaseEvent[] setup, ICaseEvent rejected) => new(rule, setup, rejected);

    public static IReadOnlyList<RuleScenario> All { get; } =
    [
        S(CaseRules.FirstEventMustBeFiling, [], new V1.OfficerAssigned(FiledOn, "王法官", "J-1")),
        S(CaseRules.AlreadyFiled, [Filing()], Filing()),
        S(CaseRules.DatedInFuture, [Filing()], new V1.EnforcementNoticeServed(Today.AddDays(1))),
        S(CaseRules.DatedBeforeFiling, [Filing()], new V1.EnforcementNoticeServed(FiledOn.AddDays(-1))),
        S(CaseRules.DatedBeforeSubject, [.. Started(), House(Day(12))], new V1.SeizureLifted(Day(11), "A1", "x")),
        S(CaseRules.RequiredField, [.. Started()], new V1.OfficerAssigned(Day(5), " ", "J-1")),
        S(CaseRules.MissingParties, [], Filing() with { Parties = [Applicant, PersonApplicant] }),
        S(CaseRules.InvalidCaseNumber, [], Filing() with { CaseNumber = "(2024)川0104执1234号" }),
        S(CaseRules.InvalidPartyId, [], Filing() with { Parties = [Applicant, PersonRespondent with { IdNumber = "510104198503127715" }] }),
        S(CaseRules.CourtMismatch, [], Filing() with { CourtCode = "川0105" }),
        S(CaseRules.UnknownCourt, [], Filing() with { CaseNumber = "（2024）京0105执1234号", CourtCode = "京0105" }),
        S(CaseRules.ResumedWithoutEarlier, [], Filing() with { CaseNumber = "（2024）川0104执恢1234号" }),
        S(CaseRules.NegativeAmount, [], Filing(claimed: -1)),
        S(CaseRules.NonPositiveFunds, [.. Started()], new V1.FundsReceived(Day(20), 0)),
        S(CaseRules.DisbursedExceedsReceived, [.. Started(), new V1.FundsReceived(Day(20), 500_00)], new V1.FundsDisbursed(Day(21), 500_01)),
        S(CaseRules.CaseClosed, [.. Started(), new V1.CaseConcluded(Day(30), ConclusionMethod.Cancelled, 0, 0)], House(Day(31))),
        S(CaseRules.CaseSuspended, [.. Started(), new V1.CaseSuspended(Day(20), "案外人异议")], House(Day(21))),
        S(CaseRules.SeizureAlreadyActive, [.. Started(), House(Day(12))], House(Day(13))),
        S(CaseRules.SeizureTermNotAfterStart, [.. Started()], House(Day(12), Day(12))),
        S(CaseRules.SeizureTermTooLong, [.. Started()], BankFreeze() with { TermEnd = BankStart.AddYears(1).AddDays(1) }),
        S(CaseRules.SeizureNotFound, [.. Started(), House(Day(12))], new V1.SeizureLifted(Day(13), "NOPE", "x")),
        S(CaseRules.SeizureNotActive, [.. Started(), House(Day(12)), new V1.SeizureLifted(Day(13), "A1", "已履行")],
            new V1.SeizureLifted(Day(14), "A1", "again")),
        S(CaseRules.SeizureExpired, [.. Started(), BankFreeze()], new V1.SeizureRenewed(BankStart.AddYears(1).AddDays(1), "B1", BankStart.AddYears(2))),
        S(CaseRules.RenewalNotLater, [.. Started(), BankFreeze()], new V1.SeizureRenewed(BankStart.AddMonths(11), "B1", BankStart.AddYears(1))),
        S(CaseRules.AuctionAlreadyOpen, [.. Started(), House(Day(12)), new V1.AuctionListed(Day(20), "A1", 2_000_000_00)],
            new V1.AuctionListed(Day(21), "A1", 2_000_000_00)),
        S(CaseRules.AuctionNotOpen, [.. Started(), House(Day(12))], new V1.AuctionSold(Day(20), "A1", 1)),
        S(CaseRules.SanctionIdTaken, [.. Started(), Listing()], Listing() with { Debtor = Firm }),
        S(CaseRules.NotARespondent, [.. Started()], Listing(debtor: new Debtor(PartyKind.NaturalPerson, "李四", OtherPersonId))),
        S(CaseRules.SanctionAlreadyActive, [.. Started(), Listing()], Listing("S2")),
        S(CaseRules.ListingPeriodRequired, [.. Started()], Listing() with { PeriodEnd = null }),
        S(CaseRules.ListingPeriodInvalid, [.. Started()], Listing() with { PeriodEnd = Day(30).AddYears(5).AddDays(1) }),
        S(CaseRules.SanctionNotFound, [.. Started(), Listing()], new V1.SanctionLifted(Day(40), "S9", LiftReason.Performed)),
        S(CaseRules.SanctionAlreadyLifted, [.. Started(), Listing(), new V1.SanctionLifted(Day(40), "S1", LiftReason.Performed)],
            new V1.SanctionLifted(Day(41), "S1", LiftReason.Performed)),
        S(CaseRules.RepairNotAListing, [.. Started(), Restriction(), new V1.SanctionLifted(Day(40), "R1", LiftReason.Performed)],
            new V1.CreditRepaired(Day(41), "R1", "修复〔2024〕1号")),
        S(CaseRules.RepairBeforeLift, [.. Started(), Listing()], new V1.CreditRepaired(Day(40), "S1", "修复〔2024〕1号")),
        S(CaseRules.AlreadyRepaired,
            [.. Started(), Listing(), new V1.SanctionLifted(Day(40), "S1", LiftReason.Performed), new V1.CreditRepaired(Day(41), "S1", "修复〔2024〕1号")],
            new V1.CreditRepaired(Day(42), "S1", "修复〔2024〕2号")),
        S(CaseRules.AlreadySuspended, [.. Started(), new V1.CaseSuspended(Day(20), "案外人异议")], new V1.CaseSuspended(Day(21), "again")),
        S(CaseRules.NotSuspended, [.. Started()], new V1.CaseResumed(Day(20), "x")),
        S(CaseRules.ExtensionNotLater, [.. Started()], new V1.PeriodExtended(Day(100), FiledOn.AddMonths(6), "院长批准")),
        S(CaseRules.TerminationWithoutNotice,
            [Filing(), new V1.PropertyInquiryCompleted(Day(10), [new ChannelResult(InquiryChannel.Bank, 0)]), Restriction()], Termination(Day(100))),
        S(CaseRules.TerminationWithoutInquiry, [Filing(), new V1.EnforcementNoticeServed(Day(3)), Restriction()], Termination(Day(100))),
        S(CaseRules.TerminationWithoutRestriction, [.. Started()], Termination(Day(100))),
        S(CaseRules.TerminationWithoutListCheck, [.. Started(), Restriction()], Termination(Day(100), considered: false)),
        S(CaseRules.TerminationWithoutInterview, [.. Started(), Restriction()], Termination(Day(100), interviewed: false)),
        S(CaseRules.TerminationTooEarly, [.. Started(), Restriction()], Termination(FiledOn.AddMonths(3).AddDays(-1))),
    ];

    /// <summary>Every rule <see cref="CaseRules"/> declares, read from its fields so a new rule cannot be missed.</summary>
    public static IReadOnlyList<CaseRule> Declared { get; } =
        typeof(CaseRules).GetFields().Where(f => f.FieldType == typeof(CaseRule)).Select(f => (CaseRule)f.GetValue(null)!).ToList();

    public static TheoryData<string> Codes => new(All.Select(s => s.Rule.Code));

    public static RuleScenario For(string code) => All.Single(s => s.Rule.Code == code);
}
