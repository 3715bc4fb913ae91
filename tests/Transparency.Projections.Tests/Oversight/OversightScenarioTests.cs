using Transparency.EventStore;
using Transparency.Projections.Cases;
using Transparency.Projections.Oversight;
using Transparency.Projections.ReadModels;
using Transparency.Projections.Tests.ReadModels;
using static Transparency.Projections.Cases.CaseEvents;
using static Transparency.Projections.Tests.Cases.CaseFixtures;

namespace Transparency.Projections.Tests.Oversight;

/// <summary>
/// The six oversight flags of DOMAIN.md as a supervisor sees them: milestones appended through the
/// decider to the real store, the flag read back from the public read model for a day (as the API
/// asks) and from the view for today; absent the day before it is due, raised on the day, gone once
/// the event that cures it is appended.
/// </summary>
public sealed class OversightScenarioTests(ReadModelsDatabase db) : IClassFixture<ReadModelsDatabase>
{
    private static int _next = 8000;

    private readonly CaseStreams _streams = new(
        new PostgresEventStore(db.DataSource, new EventTypeRegistry().AddCaseEvents(),
            new EventStoreOptions([new CaseReadModelsProjection(Masker)], Notify: false)),
        TimeProvider.System);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>Files a new case (the fixture's, on a number of its own) with <paramref name="events"/> after the filing.</summary>
    private async Task<string> FileAsync(params ICaseEvent[] events)
    {
        var number = $"（2024）川0104执{Interlocked.Increment(ref _next)}号";
        await AppendAsync(number, [Filing() with { CaseNumber = number }, .. events]);
        return number;
    }

    private async Task AppendAsync(string number, params ICaseEvent[] events)
    {
        var outcome = await _streams.AppendAsync(number, events);
        Assert.True(outcome.IsAccepted, outcome.Decision.BrokenRule?.ToString());
    }

    /// <summary>The subjects of <paramref name="kind"/> flags raised on <paramref name="day"/> for the case ("" for case-wide flags).</summary>
    private async Task<string[]> RaisedAsync(string number, OversightFlagKind kind, DateOnly day) =>
        (await OversightQueries.RaisedOnAsync(db.DataSource, day, Court))
        .Where(r => r.CaseNumber == number && r.Flag == kind.Code()).Select(r => r.Subject).ToArray();

    /// <summary>What the public view shows today.</summary>
    private async Task<string[]> ShownTodayAsync(string number, OversightFlagKind kind) =>
        (await db.RowsAsync($"select subject from {CaseReadModelsProjection.LiveSchema}.oversight_flags where case_number = $1 and flag = $2",
            number, kind.Code())).Select(r => (string)r["subject"]!).ToArray();

    [Fact]
    public async Task Open_past_the_period_is_flagged_until_an_approved_extension()
    {
        var number = await FileAsync(Started()[1..]);
        var deadline = FiledOn.AddMonths(6);

        Assert.Empty(await RaisedAsync(number, OversightFlagKind.PeriodExceeded, deadline));
        Assert.Equal([""], await RaisedAsync(number, OversightFlagKind.PeriodExceeded, deadline.AddDays(1)));
        Assert.Equal([""], await ShownTodayAsync(number, OversightFlagKind.PeriodExceeded));

        // Approved after the fact; the flag is computed from the deadline the case has now.
        await AppendAsync(number, new V1.PeriodExtended(Day(150), FiledOn.AddMonths(9), "院长批准"));
        Assert.Empty(await RaisedAsync(number, OversightFlagKind.PeriodExceeded, deadline.AddDays(1)));
        Assert.Equal([""], await RaisedAsync(number, OversightFlagKind.PeriodExceeded, FiledOn.AddMonths(9).AddDays(1)));

        // A suspended case's clock stops: no flag while it is suspended.
        await AppendAsync(number, new V1.CaseSuspended(Day(200), "案外人异议"));
        Assert.Empty(await RaisedAsync(number, OversightFlagKind.PeriodExceeded, FiledOn.AddMonths(9).AddDays(1)));
        Assert.Empty(await ShownTodayAsync(number, OversightFlagKind.PeriodExceeded));
    }

    [Fact]
    public async Task Over_seizure_is_flagged_from_the_payment_that_makes_the_seizure_excessive_until_it_is_lifted()
    {
        // Claim ¥100,000; a ¥140,000 house is within reason until ¥50,000 of it is paid.
        var number = await FileAsync([.. Started()[1..], new V1.AssetSeized(Day(12), "A1", AssetKind.RealEstate, "某房产", 140_000_00, Day(12).AddYears(3))]);
        Assert.Empty(await ShownTodayAsync(number, OversightFlagKind.OverSeizure));

        await AppendAsync(number, new V1.FundsReceived(Day(40), 50_000_00));
        Assert.Empty(await RaisedAsync(number, OversightFlagKind.OverSeizure, Day(39)));
        Assert.Single(await RaisedAsync(number, OversightFlagKind.OverSeizure, Day(40)));
        Assert.Single(await ShownTodayAsync(number, OversightFlagKind.OverSeizure));

        await AppendAsync(number, new V1.SeizureLifted(Day(45), "A1", "超标的解封"));
        Assert.Empty(await RaisedAsync(number, OversightFlagKind.OverSeizure, Day(46)));
        Assert.Empty(await ShownTodayAsync(number, OversightFlagKind.OverSeizure));
    }

    [Fact]
    public async Task A_seizure_past_its_term_is_flagged_until_renewed_or_lifted()
    {
        var termEnd = Day(12).AddYears(1);
        var number = await FileAsync([.. Started()[1..], new V1.AssetSeized(Day(12), "B1", AssetKind.BankFunds, "某银行账户", 1_000_00, termEnd)]);

        Assert.Empty(await RaisedAsync(number, OversightFlagKind.SeizureExpired, termEnd));
        Assert.Equal(["B1"], await RaisedAsync(number, OversightFlagKind.SeizureExpired, termEnd.AddDays(1)));

        await AppendAsync(number, new V1.SeizureRenewed(termEnd.AddDays(-10), "B1", termEnd.AddYears(1)));
        Assert.Empty(await RaisedAsync(number, OversightFlagKind.SeizureExpired, termEnd.AddDays(1)));
        Assert.Equal(["B1"], await RaisedAsync(number, OversightFlagKind.SeizureExpired, termEnd.AddYears(1).AddDays(1)));
        Assert.Equal(["B1"], await ShownTodayAsync(number, OversightFlagKind.SeizureExpired));

        await AppendAsync(number, new V1.SeizureLifted(termEnd.AddYears(1), "B1", "期满解除"));
        Assert.Empty(await RaisedAsync(number, OversightFlagKind.SeizureExpired, termEnd.AddYears(1).AddDays(1)));
        Assert.Empty(await ShownTodayAsync(number, OversightFlagKind.SeizureExpired));
    }

    [Fact]
    public async Task A_listing_not_deleted_within_three_working_days_of_full_performance_is_flagged_until_deleted()
    {
        var number = await FileAsync([.. Started()[1..],
            new V1.DebtorListed(Day(30), "S1", Person, ListingGround.ViolatesPropertyReporting, "（2024）川0104执1234号之一", Day(30).AddYears(2),
                "支付", Performance.NotPerformed)]);
        // Paid in full on Friday 2024-07-05: SPC listing provisions (2017), Art. 10, delete by Wednesday 2024-07-10.
        await AppendAsync(number, new V1.FundsReceived(D(2024, 7, 5), 100_000_00));

        Assert.Empty(await RaisedAsync(number, OversightFlagKind.ListingNotDeleted, D(2024, 7, 10)));
        Assert.Equal(["S1"], await RaisedAsync(number, OversightFlagKind.ListingNotDeleted, D(2024, 7, 11)));
        Assert.Equal(["S1"], await ShownTodayAsync(number, OversightFlagKind.ListingNotDeleted));

        await AppendAsync(number, new V1.SanctionLifted(D(2024, 7, 12), "S1", LiftReason.Performed));
        Assert.Empty(await RaisedAsync(number, OversightFlagKind.ListingNotDeleted, D(2024, 7, 13)));
        Assert.Empty(await ShownTodayAsync(number, OversightFlagKind.ListingNotDeleted));
    }

    [Fact]
    public async Task Funds_not_disbursed_within_thirty_days_are_flagged_until_paid_out()
    {
        var number = await FileAsync([.. Started()[1..], new V1.FundsReceived(Day(40), 1_000_00)]);

        Assert.Empty(await RaisedAsync(number, OversightFlagKind.FundsNotDisbursed, Day(70)));
        Assert.Single(await RaisedAsync(number, OversightFlagKind.FundsNotDisbursed, Day(71)));
        Assert.Single(await ShownTodayAsync(number, OversightFlagKind.FundsNotDisbursed));

        await AppendAsync(number, new V1.FundsDisbursed(Day(80), 1_000_00));
        Assert.Empty(await RaisedAsync(number, OversightFlagKind.FundsNotDisbursed, Day(81)));
        Assert.Empty(await ShownTodayAsync(number, OversightFlagKind.FundsNotDisbursed));
    }

    [Fact]
    public async Task A_terminated_case_without_an_inquiry_for_six_months_is_flagged_until_the_next_inquiry()
    {
        var terminated = D(2024, 7, 1);
        var number = await FileAsync([.. Started()[1..],
            new V1.ConsumptionRestricted(Day(20), "R1", Person, "（2024）川0104执1234号之二"),
            new V1.CaseConcluded(terminated, ConclusionMethod.TerminatedForNow, 0, 100_000_00, ApplicantInterviewed: true, ListingConsidered: true)]);

        Assert.Empty(await RaisedAsync(number, OversightFlagKind.NoInquiryAfterTermination, D(2025, 1, 1)));
        Assert.Single(await RaisedAsync(number, OversightFlagKind.NoInquiryAfterTermination, D(2025, 1, 2)));
        Assert.Single(await ShownTodayAsync(number, OversightFlagKind.NoInquiryAfterTermination));

        await AppendAsync(number, new V1.PropertyInquiryCompleted(ChinaToday().AddDays(-1), [new ChannelResult(InquiryChannel.Bank, 0)]));
        Assert.Empty(await ShownTodayAsync(number, OversightFlagKind.NoInquiryAfterTermination));
        Assert.Single(await RaisedAsync(number, OversightFlagKind.NoInquiryAfterTermination, ChinaToday().AddMonths(7)));
    }

    private static DateOnly ChinaToday() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
}
