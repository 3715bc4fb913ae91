using Transparency.Projections.CaseProgress;
using Transparency.Projections.Cases;
using Transparency.Projections.Oversight;
using Transparency.Projections.Tests.CaseProgress;
using static Transparency.Projections.Cases.CaseEvents;
using static Transparency.Projections.Tests.Cases.CaseFixtures;

namespace Transparency.Projections.Tests.Oversight;

/// <summary>Each flag: absent the day before it is due, raised the day it becomes true with no new event, cleared by the event that cures it.</summary>
public sealed class OversightFlagsTests
{
    private static PublicCase Project(params ICaseEvent[] events) => PublicCaseProjectionTests.Project(events);

    private static List<string> Raised(PublicCase c, DateOnly day, OversightFlagKind kind) =>
        OversightFlags.RaisedOn(c, day).Where(d => d.Flag == kind).Select(d => d.Subject).ToList();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Open_past_the_six_month_period()
    {
        var c = Project(Started());
        var deadline = FiledOn.AddMonths(6);
        Assert.Empty(Raised(c, deadline, OversightFlagKind.PeriodExceeded));
        Assert.Single(Raised(c, deadline.AddDays(1), OversightFlagKind.PeriodExceeded));

        var concluded = Project([.. Started(), new V1.CaseConcluded(Day(100), ConclusionMethod.Cancelled, 0, 0)]);
        Assert.Empty(Raised(concluded, deadline.AddDays(1), OversightFlagKind.PeriodExceeded));
    }

    [Fact]
    public void A_non_litigation_case_has_three_months()
    {
        var c = Project(Filing(nonLitigation: true));
        Assert.Empty(Raised(c, FiledOn.AddMonths(3), OversightFlagKind.PeriodExceeded));
        Assert.Single(Raised(c, FiledOn.AddMonths(3).AddDays(1), OversightFlagKind.PeriodExceeded));
    }

    [Fact]
    public void Suspension_and_an_approved_extension_hold_the_period_flag_back()
    {
        var after = FiledOn.AddMonths(6).AddDays(1);
        var suspended = Project([.. Started(), new V1.CaseSuspended(Day(100), "案外人异议")]);
        Assert.Empty(Raised(suspended, after, OversightFlagKind.PeriodExceeded));

        var resumed = Project([.. Started(), new V1.CaseSuspended(Day(100), "x"), new V1.CaseResumed(Day(120), "y")]);
        Assert.Empty(Raised(resumed, after.AddDays(19), OversightFlagKind.PeriodExceeded));
        Assert.Single(Raised(resumed, after.AddDays(20), OversightFlagKind.PeriodExceeded));

        var extended = Project([.. Started(), new V1.PeriodExtended(Day(150), FiledOn.AddMonths(9), "院长批准")]);
        Assert.Empty(Raised(extended, after, OversightFlagKind.PeriodExceeded));
        Assert.Single(Raised(extended, FiledOn.AddMonths(9).AddDays(1), OversightFlagKind.PeriodExceeded));
    }

    [Fact]
    public void Over_seizure_when_active_seized_value_is_well_above_what_is_owed()
    {
        // Claim ¥100,000. A ¥140,000 house is within 1.5 × the claim; once ¥50,000 is paid it is not.
        var house = new V1.AssetSeized(Day(12), "A1", AssetKind.RealEstate, "某房产", 140_000_00, Day(12).AddYears(3));
        var seized = Project([.. Started(), house]);
        Assert.Empty(Raised(seized, Today, OversightFlagKind.OverSeizure));

        var partlyPaid = Project([.. Started(), house, new V1.FundsReceived(Day(40), 50_000_00)]);
        Assert.Empty(Raised(partlyPaid, Day(39), OversightFlagKind.OverSeizure));
        Assert.Single(Raised(partlyPaid, Day(40), OversightFlagKind.OverSeizure));

        var lifted = Project([.. Started(), house, new V1.FundsReceived(Day(40), 50_000_00), new V1.SeizureLifted(Day(45), "A1", "超标的解封")]);
        Assert.Empty(Raised(lifted, Today, OversightFlagKind.OverSeizure));
    }

    [Fact]
    public void A_seizure_past_its_term_with_neither_renewal_nor_lifting()
    {
        var termEnd = Day(12).AddYears(1);
        var bank = new V1.AssetSeized(Day(12), "B1", AssetKind.BankFunds, "某银行账户", 1_000_00, termEnd);
        var c = Project([.. Started(), bank]);
        Assert.Empty(Raised(c, termEnd, OversightFlagKind.SeizureExpired));
        Assert.Equal(["B1"], Raised(c, termEnd.AddDays(1), OversightFlagKind.SeizureExpired));

        var renewed = Project([.. Started(), bank, new V1.SeizureRenewed(termEnd.AddDays(-10), "B1", termEnd.AddYears(1))]);
        Assert.Empty(Raised(renewed, termEnd.AddDays(1), OversightFlagKind.SeizureExpired));
        Assert.Equal(["B1"], Raised(renewed, termEnd.AddYears(1).AddDays(1), OversightFlagKind.SeizureExpired));

        var liftedInTime = Project([.. Started(), bank, new V1.SeizureLifted(termEnd, "B1", "期满解除")]);
        Assert.Empty(Raised(liftedInTime, termEnd.AddDays(1), OversightFlagKind.SeizureExpired));
    }

    private static V1.DebtorListed Listing(DateOnly on, DateOnly? periodEnd = null) =>
        new(on, "S1", Person, ListingGround.ViolatesPropertyReporting, "（2024）川0104执1234号之一", periodEnd ?? on.AddYears(2), "支付", Performance.NotPerformed);

    [Fact]
    public void A_listing_not_deleted_within_three_working_days_of_full_performance()
    {
        // Paid in full on Friday 2024-07-05: delete by Wednesday 2024-07-10 (the weekend does not count).
        var c = Project([.. Started(), Listing(Day(30)), new V1.FundsReceived(D(2024, 7, 5), 100_000_00)]);
        Assert.Empty(Raised(c, D(2024, 7, 10), OversightFlagKind.ListingNotDeleted));
        Assert.Equal(["S1"], Raised(c, D(2024, 7, 11), OversightFlagKind.ListingNotDeleted));

        var deleted = Project([.. Started(), Listing(Day(30)), new V1.FundsReceived(D(2024, 7, 5), 100_000_00),
            new V1.SanctionLifted(D(2024, 7, 12), "S1", LiftReason.Performed)]);
        Assert.Empty(Raised(deleted, Today, OversightFlagKind.ListingNotDeleted));
    }

    [Fact]
    public void A_listing_not_deleted_after_its_period_ended()
    {
        // Period ends Monday 2024-07-01: delete by Thursday 2024-07-04.
        var c = Project([.. Started(), Listing(Day(30), D(2024, 7, 1))]);
        Assert.Empty(Raised(c, D(2024, 7, 4), OversightFlagKind.ListingNotDeleted));
        Assert.Equal(["S1"], Raised(c, D(2024, 7, 5), OversightFlagKind.ListingNotDeleted));
    }

    [Fact]
    public void Funds_not_disbursed_within_thirty_days_oldest_money_first()
    {
        var c = Project([.. Started(), new V1.FundsReceived(Day(40), 1_000_00), new V1.FundsReceived(Day(60), 1_000_00)]);
        Assert.Empty(Raised(c, Day(70), OversightFlagKind.FundsNotDisbursed));
        Assert.Single(Raised(c, Day(71), OversightFlagKind.FundsNotDisbursed));

        // Paying out the first receipt moves the clock to the second.
        var firstPaid = Project([.. Started(), new V1.FundsReceived(Day(40), 1_000_00), new V1.FundsReceived(Day(60), 1_000_00),
            new V1.FundsDisbursed(Day(65), 1_000_00)]);
        Assert.Empty(Raised(firstPaid, Day(90), OversightFlagKind.FundsNotDisbursed));
        Assert.Single(Raised(firstPaid, Day(91), OversightFlagKind.FundsNotDisbursed));

        var allPaid = Project([.. Started(), new V1.FundsReceived(Day(40), 1_000_00), new V1.FundsReceived(Day(60), 1_000_00),
            new V1.FundsDisbursed(Day(65), 2_000_00)]);
        Assert.Empty(Raised(allPaid, Today, OversightFlagKind.FundsNotDisbursed));
    }

    private static ICaseEvent[] Terminated(DateOnly on) =>
    [
        .. Started(),
        new V1.ConsumptionRestricted(Day(20), "R1", Person, "（2024）川0104执1234号之二"),
        new V1.CaseConcluded(on, ConclusionMethod.TerminatedForNow, 0, 100_000_00, ApplicantInterviewed: true, ListingConsidered: true),
    ];

    [Fact]
    public void A_terminated_case_without_an_inquiry_in_six_months()
    {
        var t = D(2024, 7, 1);
        var c = Project(Terminated(t));
        Assert.Empty(Raised(c, D(2025, 1, 1), OversightFlagKind.NoInquiryAfterTermination));
        Assert.Single(Raised(c, D(2025, 1, 2), OversightFlagKind.NoInquiryAfterTermination));
        Assert.Empty(Raised(c, t.AddYears(5).AddDays(1), OversightFlagKind.NoInquiryAfterTermination));

        var inquired = Project([.. Terminated(t), new V1.PropertyInquiryCompleted(D(2024, 12, 20), [new ChannelResult(InquiryChannel.Bank, 0)])]);
        Assert.Empty(Raised(inquired, D(2025, 1, 2), OversightFlagKind.NoInquiryAfterTermination));
        Assert.Single(Raised(inquired, D(2025, 6, 21), OversightFlagKind.NoInquiryAfterTermination));
    }

    [Fact]
    public void Two_empty_inquiries_after_termination_are_a_deletion_ground()
    {
        // SPC listing provisions (2017), Art. 10(4).
        var t = D(2024, 7, 1);
        ICaseEvent[] events =
        [
            .. Started(),
            Listing(Day(30)),
            new V1.ConsumptionRestricted(Day(30), "R1", Person, "X"),
            new V1.CaseConcluded(t, ConclusionMethod.TerminatedForNow, 0, 100_000_00, true, true),
            new V1.PropertyInquiryCompleted(D(2024, 9, 2), [new ChannelResult(InquiryChannel.Bank, 0)]),
            new V1.PropertyInquiryCompleted(D(2024, 12, 2), [new ChannelResult(InquiryChannel.Bank, 0)]),
        ];
        var c = Project(events);
        Assert.Equal(D(2024, 12, 2), c.DeletionGroundOn);
        Assert.Empty(Raised(c, D(2024, 12, 5), OversightFlagKind.ListingNotDeleted));
        Assert.Equal(["S1"], Raised(c, D(2024, 12, 6), OversightFlagKind.ListingNotDeleted));
    }
}
