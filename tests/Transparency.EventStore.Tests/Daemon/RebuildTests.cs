using Npgsql;
using Transparency.EventStore.Tests.Support;

namespace Transparency.EventStore.Tests.Daemon;

public sealed class RebuildTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_rebuild_gives_the_live_read_model_while_readers_keep_the_old_tables_until_the_swap()
    {
        var store = new PostgresEventStore(_db.DataSource, TestEvents.Registry());
        var ids = new List<string>();
        async Task AppendAsync(int from, int count)
        {
            for (var i = from; i < from + count; i += 5)
            {
                var batch = Enumerable.Range(i, 5).Select(n => $"e-{n}").ToList();
                await store.AppendAsync([
                    new StreamAppend($"acct-{i / 5 % 37}", ExpectedVersion.Any, batch.Take(3).Select(id => (object)new Deposited(id, i)).ToList()),
                    new StreamAppend($"acct-{(i / 5 + 11) % 37}", ExpectedVersion.Any, batch.Skip(3).Select(id => (object)new Withdrawn(id, 2)).ToList()),
                ]);
                lock (ids)
                {
                    ids.AddRange(batch);
                }
            }
        }
        await AppendAsync(0, 2000);

        var ledger = new LedgerProjection();
        var twin = new LedgerProjection("twin");
        await using var daemon = RunningDaemon.Start(_db.DataSource, [ledger, twin], RunningDaemon.Fast with { RebuildBatchSize = 300 });
        await Eventually.HoldsAsync(() => LedgerTables.CaughtUpAsync(_db.DataSource, "ledger", 2000), TimeSpan.FromSeconds(30), "live ledger caught up");

        long? seenDuringRebuild = null;
        ledger.MidApply = async (_, context, ct) =>
        {
            if (context.Schema == "rm_ledger__rebuild" && seenDuringRebuild is null)
            {
                // A reader on another connection, mid-rebuild.
                await using var reader = await _db.DataSource.OpenConnectionAsync(ct);
                await using var count = new NpgsqlCommand("select sum(events) from rm_ledger.balances", reader);
                seenDuringRebuild = (long)(await count.ExecuteScalarAsync(ct))!;
            }
        };
        var more = AppendAsync(2000, 500);
        await daemon.Daemon.RebuildAsync("ledger");
        await more;

        Assert.True(seenDuringRebuild >= 2000, $"readers saw {seenDuringRebuild} events in the old tables during the rebuild");
        await Eventually.HoldsAsync(() => LedgerTables.CaughtUpAsync(_db.DataSource, "twin", 2500), TimeSpan.FromSeconds(30), "twin caught up");
        await Eventually.HoldsAsync(() => LedgerTables.CaughtUpAsync(_db.DataSource, "ledger", 2500), TimeSpan.FromSeconds(30), "rebuilt ledger caught up");

        Assert.Equal(await LedgerTables.BalancesAsync(_db.DataSource, "twin"), await LedgerTables.BalancesAsync(_db.DataSource, "ledger"));
        LedgerTables.AssertExactlyOnceInStreamOrder(await LedgerTables.AppliedAsync(_db.DataSource, "ledger"), ids);

        var stats = await daemon.Daemon.StatisticsAsync();
        Assert.Equal(["ledger", "twin"], stats.Projections.Select(p => p.Name));
        Assert.All(stats.Projections, p => Assert.Equal("running", p.State));
        Assert.Equal(0, await _db.ScalarAsync<long>("select count(*) from pg_namespace where nspname like 'rm_ledger__%'"));
    }
}
