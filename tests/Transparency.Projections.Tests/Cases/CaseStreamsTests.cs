using Transparency.EventStore;
using Transparency.Projections.Cases;
using Transparency.Projections.ReadModels;
using Transparency.Projections.Tests.ReadModels;
using static Transparency.Projections.Cases.CaseEvents;
using static Transparency.Projections.Tests.Cases.CaseFixtures;

namespace Transparency.Projections.Tests.Cases;

/// <summary>Decide, then append, on the real store with the read models projected inline.</summary>
public sealed class CaseStreamsTests(ReadModelsDatabase db) : IClassFixture<ReadModelsDatabase>
{
    private PostgresEventStore Store() => new(db.DataSource, new EventTypeRegistry().AddCaseEvents(),
        new EventStoreOptions([new CaseReadModelsProjection(Masker)], Notify: false));

    /// <summary>Noon in China on <see cref="CaseFixtures.Today"/>: the day the scenarios are decided on.</summary>
    private CaseStreams Streams() => new(Store(), new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero)));

    /// <summary>What the store and the public read models hold for one case, to compare before and after.</summary>
    private async Task<(long LastSeq, long Events, long Version, long ProgressRows, long Changes)> FootprintAsync(string number)
    {
        // The inline projection creates its schema with the first append of the database.
        var projected = await db.ScalarAsync<bool>("select to_regclass('rm_cases.case_progress') is not null");
        return (await db.ScalarAsync<long>("select coalesce(max(seq), 0) from events"),
            await db.ScalarAsync<long>("select count(*) from events where stream_id = $1", CaseStreams.StreamId(number)),
            await db.ScalarAsync<long>("select coalesce(max(version), 0) from events where stream_id = $1", CaseStreams.StreamId(number)),
            projected ? await db.ScalarAsync<long>("select count(*) from rm_cases.case_progress where case_number = $1", number) : 0,
            projected ? await db.ScalarAsync<long>("select count(*) from rm_cases.change_feed where case_number = $1", number) : 0);
    }

    private static int _next = 7000;

    private static string NewNumber() => $"（2024）川0104执{Interlocked.Increment(ref _next)}号";

    [Theory]
    [MemberData(nameof(RuleScenarios.Codes), MemberType = typeof(RuleScenarios))]
    public async Task A_rejected_event_names_its_rule_and_nothing_is_appended_or_published(string code)
    {
        var number = NewNumber();
        var scenario = RuleScenarios.For(code).Numbered(number);
        var streams = Streams();
        if (scenario.Setup.Length > 0)
        {
            var setup = await streams.AppendAsync(number, scenario.Setup);
            Assert.True(setup.IsAccepted, setup.Decision.BrokenRule?.ToString());
        }
        var before = await FootprintAsync(number);

        var outcome = await streams.AppendAsync(number, [scenario.Rejected], new EventMetadata(Court: Court, IdempotencyKey: "rule-" + number));

        Assert.False(outcome.IsAccepted);
        Assert.Equal(code, outcome.Decision.BrokenRule!.Code);
        Assert.Null(outcome.Appended);
        Assert.Equal(before, await FootprintAsync(number));
        Assert.Equal(scenario.Setup.Length, (await streams.LoadAsync(number)).Version);
        // A refused request leaves its key unused: sent again after a fix, it is decided afresh.
        Assert.Null(await Store().FindIdempotentAppendAsync("rule-" + number));
    }

    [Fact]
    public async Task A_retried_filing_with_the_same_idempotency_key_returns_the_earlier_result_and_appends_nothing()
    {
        var number = NewNumber();
        var streams = Streams();
        ICaseEvent[] events = [Filing() with { CaseNumber = number }, new V1.OfficerAssigned(Day(2), "王法官", "J-0104-17")];
        var request = new EventMetadata(Court: Court, Actor: "court-system", IdempotencyKey: "川0104:req:" + number);

        var first = await streams.AppendAsync(number, events, request);
        var afterFirst = await FootprintAsync(number);
        var retry = await streams.AppendAsync(number, events, request);

        Assert.True(first.IsAccepted, first.Decision.BrokenRule?.ToString());
        Assert.False(first.Appended!.Replayed);
        Assert.True(retry.IsAccepted, retry.Decision.BrokenRule?.ToString());
        Assert.True(retry.Appended!.Replayed);
        Assert.Equal((first.Appended.StreamId, first.Appended.NewVersion), (retry.Appended.StreamId, retry.Appended.NewVersion));
        Assert.Equal(first.Appended.Positions, retry.Appended.Positions);
        Assert.Equal(afterFirst, await FootprintAsync(number));
        Assert.Equal((2L, 2L, 1L), (afterFirst.Events, afterFirst.Version, afterFirst.ProgressRows));
        Assert.True(afterFirst.Changes > 0);
        Assert.Equal(2, retry.Decision.State.Version);

        // Without the key the same request is a second filing, and the decider says so.
        var again = await streams.AppendAsync(number, events, request with { IdempotencyKey = null });
        Assert.Equal(CaseRules.AlreadyFiled.Code, again.Decision.BrokenRule?.Code);
        Assert.Equal(afterFirst, await FootprintAsync(number));
    }

    [Fact]
    public async Task A_retry_arriving_after_later_milestones_still_gets_its_own_earlier_result()
    {
        var number = NewNumber();
        var streams = Streams();
        Assert.True((await streams.AppendAsync(number, [Filing() with { CaseNumber = number }])).IsAccepted);
        var listing = new V1.DebtorListed(Day(30), "S1", Person, ListingGround.ViolatesPropertyReporting, "D1", Day(30).AddYears(2), "支付",
            Performance.NotPerformed);
        var request = new EventMetadata(Court: Court, IdempotencyKey: "川0104:listing:" + number);

        var first = await streams.AppendAsync(number, [listing], request);
        Assert.True((await streams.AppendAsync(number, [new V1.FundsReceived(Day(40), 1_000_00)])).IsAccepted);
        var before = await FootprintAsync(number);
        var retry = await streams.AppendAsync(number, [listing], request);

        Assert.True(retry.IsAccepted, retry.Decision.BrokenRule?.ToString());
        Assert.Equal((2L, true), (retry.Appended!.NewVersion, retry.Appended.Replayed));
        Assert.Equal(first.Appended!.Positions, retry.Appended.Positions);
        Assert.Equal(before, await FootprintAsync(number));
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from rm_cases.sanction_entries where case_number = $1", number));
    }

    [Fact]
    public async Task An_idempotency_key_already_used_for_another_case_is_refused()
    {
        var (a, b) = (NewNumber(), NewNumber());
        var streams = Streams();
        var request = new EventMetadata(IdempotencyKey: "reused:" + a);
        Assert.True((await streams.AppendAsync(a, [Filing() with { CaseNumber = a }], request)).IsAccepted);

        await Assert.ThrowsAsync<InvalidOperationException>(() => streams.AppendAsync(b, [Filing() with { CaseNumber = b }], request));
        Assert.Equal(0L, (await FootprintAsync(b)).Events);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
