using Transparency.Projections.CaseProgress;
using Transparency.Projections.Cases;
using static Transparency.Projections.Cases.CaseEvents;
using static Transparency.Projections.Tests.Cases.CaseFixtures;

namespace Transparency.Projections.Tests.CaseProgress;

public sealed class CaseAsOfTests
{
    private static CaseProgressRow Row() => CaseProgressRow.From("case-1", PublicCaseProjectionTests.Project(
    [
        .. Started(),
        new V1.AssetSeized(Day(12), "A1", AssetKind.RealEstate, "某房产", 80_000_00, Day(12).AddYears(3)),
        new V1.DebtorListed(Day(30), "S1", Firm, ListingGround.ViolatesPropertyReporting, "D1", Day(30).AddYears(2), "支付", Performance.NotPerformed),
        new V1.FundsReceived(Day(40), 30_000_00),
        new V1.CaseSuspended(Day(50), "执行异议"),
        new V1.CaseResumed(Day(70), "异议驳回"),
        new V1.SeizureLifted(Day(80), "A1", "已履行"),
        new V1.SanctionLifted(Day(90), "S1", LiftReason.Performed),
        new V1.FundsReceived(Day(95), 70_000_00),
        new V1.FundsDisbursed(Day(96), 100_000_00),
        new V1.CaseConcluded(Day(100), ConclusionMethod.Completed, 100_000_00, 0),
    ]));

    [Fact]
    public void Before_filing_there_is_no_case()
    {
        var before = CaseAsOf.On(Row(), FiledOn.AddDays(-1));
        Assert.Equal((CaseStage.NotFiled, 0L), (before.Stage, before.AmountClaimed));
        Assert.Empty(before.Timeline);
    }

    [Fact]
    public void On_a_past_day_the_page_shows_the_stage_money_seizures_and_sanctions_of_that_day()
    {
        var row = Row();

        var listed = CaseAsOf.On(row, Day(45));
        Assert.Equal((CaseStage.Enforcing, 30_000_00L, 0L, 70_000_00L), (listed.Stage, listed.Received, listed.Disbursed, listed.Outstanding));
        Assert.Equal("A1", Assert.Single(listed.ActiveSeizures).AssetId);
        Assert.Equal("S1", Assert.Single(listed.SanctionsInForce).SanctionId);

        Assert.Equal(CaseStage.Suspended, CaseAsOf.On(row, Day(60)).Stage);
        var resumed = CaseAsOf.On(row, Day(85));
        Assert.Equal(CaseStage.Enforcing, resumed.Stage);
        Assert.Empty(resumed.ActiveSeizures);
        Assert.Single(resumed.SanctionsInForce);
        Assert.Empty(CaseAsOf.On(row, Day(90)).SanctionsInForce);

        var closed = CaseAsOf.On(row, Day(100));
        Assert.Equal((CaseStage.Concluded, 100_000_00L, 100_000_00L, 0L), (closed.Stage, closed.Received, closed.Disbursed, closed.Outstanding));
        Assert.Equal(row.Timeline.Count, closed.Timeline.Count);
    }
}
