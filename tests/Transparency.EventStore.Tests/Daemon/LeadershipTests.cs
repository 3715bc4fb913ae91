using Transparency.EventStore.Tests.Support;

namespace Transparency.EventStore.Tests.Daemon;

public sealed class LeadershipTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Of_two_daemons_only_the_leader_projects_and_the_standby_takes_over_when_it_stops()
    {
        var store = new PostgresEventStore(_db.DataSource, TestEvents.Registry());
        var options = RunningDaemon.Fast with { StandbyInterval = TimeSpan.FromSeconds(1) };
        var first = RunningDaemon.Start(_db.DataSource, [new LedgerProjection { Tag = "first" }], options);
        await Eventually.HoldsAsync(() => Task.FromResult(first.Daemon.IsLeader), TimeSpan.FromSeconds(10), "the first daemon leads");
        await using var second = RunningDaemon.Start(_db.DataSource, [new LedgerProjection { Tag = "second" }], options);

        var ids = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            await store.AppendAsync($"acct-{i % 7}", ExpectedVersion.Any, [new Deposited($"one-{i}", 1)]);
            ids.Add($"one-{i}");
        }
        await Eventually.HoldsAsync(() => LedgerTables.CaughtUpAsync(_db.DataSource, "ledger", 100), TimeSpan.FromSeconds(30), "first 100 applied");
        Assert.False(second.Daemon.IsLeader);
        Assert.All(await LedgerTables.AppliedAsync(_db.DataSource, "ledger"), r => Assert.Equal("first", r.Tag));

        await first.StopAsync();
        await first.DisposeAsync();
        var stopped = DateTime.UtcNow;
        await Eventually.HoldsAsync(() => Task.FromResult(second.Daemon.IsLeader), TimeSpan.FromSeconds(10), "the standby takes over");
        Assert.True(DateTime.UtcNow - stopped < TimeSpan.FromSeconds(5), "took over within a few seconds");

        for (var i = 0; i < 100; i++)
        {
            await store.AppendAsync($"acct-{i % 7}", ExpectedVersion.Any, [new Deposited($"two-{i}", 1)]);
            ids.Add($"two-{i}");
        }
        await Eventually.HoldsAsync(() => LedgerTables.CaughtUpAsync(_db.DataSource, "ledger", 200), TimeSpan.FromSeconds(30), "all 200 applied");
        var applied = await LedgerTables.AppliedAsync(_db.DataSource, "ledger");
        LedgerTables.AssertExactlyOnceInStreamOrder(applied, ids);
        Assert.All(applied.Where(r => r.EventId.StartsWith("two-", StringComparison.Ordinal)), r => Assert.Equal("second", r.Tag));
    }
}
