using Npgsql;
using Transparency.EventStore.Tests.Support;

namespace Transparency.EventStore.Tests.Daemon;

public sealed class FailureTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private PostgresEventStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _store = new PostgresEventStore(_db.DataSource, TestEvents.Registry());
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<List<string>> AppendManyAsync(int count, int streams, string prefix)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i += 10)
        {
            var batch = Enumerable.Range(i, 10).Select(n => $"{prefix}-{n}").ToList();
            await _store.AppendAsync($"{prefix}-acct-{i / 10 % streams}", ExpectedVersion.Any, batch.Select(id => (object)new Deposited(id, 1)).ToList());
            ids.AddRange(batch);
        }
        return ids;
    }

    [Fact]
    public async Task Killing_the_connection_mid_batch_and_then_the_daemon_leaves_no_duplicate_and_no_gap()
    {
        var ids = await AppendManyAsync(3000, 40, "k");
        var batches = 0;
        var stopA = new TaskCompletionSource();
        var ledgerA = new LedgerProjection { Tag = "a" };
        ledgerA.MidApply = async (events, context, ct) =>
        {
            var batch = Interlocked.Increment(ref batches);
            if (batch == 3)
            {
                // The database ends the session mid-batch (a crash, a failover, an admin).
                await using var admin = await _db.DataSource.OpenConnectionAsync(ct);
                await using var kill = new NpgsqlCommand($"select pg_terminate_backend({context.Connection.ProcessID})", admin);
                await kill.ExecuteNonQueryAsync(ct);
            }
            if (batch == 6)
            {
                // The process dies mid-batch: it never gets past this point.
                stopA.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }
        };
        var a = RunningDaemon.Start(_db.DataSource, [ledgerA], RunningDaemon.Fast with { BatchSize = 100 });
        await stopA.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await a.StopAsync();
        await a.DisposeAsync();

        var partial = await LedgerTables.AppliedAsync(_db.DataSource, "ledger");
        Assert.InRange(partial.Count, 300, 500);

        var ledgerB = new LedgerProjection { Tag = "b" };
        await using var b = RunningDaemon.Start(_db.DataSource, [ledgerB], RunningDaemon.Fast with { BatchSize = 100 });
        await Eventually.HoldsAsync(() => LedgerTables.CaughtUpAsync(_db.DataSource, "ledger", ids.Count), TimeSpan.FromSeconds(60), "all applied after restart");

        var applied = await LedgerTables.AppliedAsync(_db.DataSource, "ledger");
        LedgerTables.AssertExactlyOnceInStreamOrder(applied, ids);
        Assert.Equal(partial.Count, applied.Count(r => r.Tag == "a"));
        Assert.Equal(ids.Count - partial.Count, applied.Count(r => r.Tag == "b"));
    }

    [Fact]
    public async Task A_poison_event_parks_its_projection_while_the_others_go_on_and_resume_retries_it()
    {
        var before = await AppendManyAsync(30, 3, "p");
        var poison = await _store.AppendAsync("p-acct-0", ExpectedVersion.Any, [new Deposited("poison", 1)]);
        var after = await AppendManyAsync(20, 3, "q");

        var fragile = new LedgerProjection("fragile") { Poison = e => e.Data is Deposited { Id: "poison" } };
        var sturdy = new LedgerProjection("sturdy");
        await using var daemon = RunningDaemon.Start(_db.DataSource, [fragile, sturdy]);

        await Eventually.HoldsAsync(async () =>
                (await daemon.Daemon.StatisticsAsync()).Projections.Any(p => p is { Name: "fragile", State: "parked" }),
            TimeSpan.FromSeconds(30), "fragile is parked");
        await Eventually.HoldsAsync(() => LedgerTables.CaughtUpAsync(_db.DataSource, "sturdy", 51), TimeSpan.FromSeconds(30), "sturdy applied everything");

        var stats = await daemon.Daemon.StatisticsAsync();
        var parked = stats.Projections.Single(p => p.Name == "fragile");
        Assert.Equal(poison.Positions[0], parked.PoisonSeq);
        Assert.Contains($"cannot apply event {poison.Positions[0]}", parked.LastError);
        Assert.Equal(21, parked.Lag);
        Assert.Equal(51, stats.EventCount);
        Assert.Equal(0, stats.Projections.Single(p => p.Name == "sturdy").Lag);
        // Everything before the poison event is applied, nothing after it.
        LedgerTables.AssertExactlyOnceInStreamOrder(await LedgerTables.AppliedAsync(_db.DataSource, "fragile"), before);

        fragile.Poison = null;
        await daemon.Daemon.ResumeAsync("fragile");
        await Eventually.HoldsAsync(() => LedgerTables.CaughtUpAsync(_db.DataSource, "fragile", 51), TimeSpan.FromSeconds(30), "fragile resumed");
        LedgerTables.AssertExactlyOnceInStreamOrder(await LedgerTables.AppliedAsync(_db.DataSource, "fragile"), [.. before, "poison", .. after]);
        Assert.Equal("running", (await daemon.Daemon.StatisticsAsync()).Projections.Single(p => p.Name == "fragile").State);
    }
}
