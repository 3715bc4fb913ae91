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

    [Fact]
    public async Task A_stream_scoped_rebuild_applies_whole_new_streams_into_bare_tables_and_restores_their_indexes()
    {
        var store = new PostgresEventStore(_db.DataSource, TestEvents.Registry());
        var ids = new List<string>();
        var n = 0;
        async Task AppendAsync(string stream, int count)
        {
            var batch = Enumerable.Range(0, count).Select(_ => $"e-{Interlocked.Increment(ref n)}").ToList();
            await store.AppendAsync(stream, ExpectedVersion.Any, batch.Select((id, i) => (object)(i % 4 == 3 ? new Withdrawn(id, 1) : new Deposited(id, 5))).ToList());
            lock (ids)
            {
                ids.AddRange(batch);
            }
        }
        // One stream longer than a rebuild batch, its appends interleaved in the log with forty others.
        for (var round = 0; round < 8; round++)
        {
            await AppendAsync("acct-long", 90);
            for (var s = 0; s < 40; s++)
            {
                await AppendAsync($"acct-{s:00}", 3);
            }
        }
        var before = ids.Count;

        var ledger = new LedgerProjection { InsertsOnlyForNewStreams = true };
        var twin = new LedgerProjection("twin");
        await using var daemon = RunningDaemon.Start(_db.DataSource, [ledger, twin], RunningDaemon.Fast with { RebuildBatchSize = 300 });
        await Eventually.HoldsAsync(() => LedgerTables.CaughtUpAsync(_db.DataSource, "ledger", before), TimeSpan.FromSeconds(30), "live ledger caught up");
        var shape = await ShapeAsync("rm_ledger");

        var indexesWhileNew = new List<long>();
        ledger.MidApply = async (_, context, ct) =>
        {
            if (context.NewStreams)
            {
                await using var count = new NpgsqlCommand("select count(*) from pg_indexes where schemaname = 'rm_ledger__rebuild'",
                    context.Connection, context.Transaction);
                indexesWhileNew.Add((long)(await count.ExecuteScalarAsync(ct))!);
            }
        };
        var progress = new RebuildProgressSnapshot();
        var more = Task.Run(async () =>
        {
            for (var s = 35; s < 45; s++)
            {
                await AppendAsync($"acct-{s:00}", 2);
            }
        });
        await daemon.Daemon.RebuildAsync("ledger", progress);
        await more;

        await Eventually.HoldsAsync(() => LedgerTables.CaughtUpAsync(_db.DataSource, "twin", ids.Count), TimeSpan.FromSeconds(30), "twin caught up");
        await Eventually.HoldsAsync(() => LedgerTables.CaughtUpAsync(_db.DataSource, "ledger", ids.Count), TimeSpan.FromSeconds(30), "rebuilt ledger caught up");
        Assert.Equal(await LedgerTables.BalancesAsync(_db.DataSource, "twin"), await LedgerTables.BalancesAsync(_db.DataSource, "ledger"));
        LedgerTables.AssertExactlyOnceInStreamOrder(await LedgerTables.AppliedAsync(_db.DataSource, "ledger"), ids);

        // Each stream came whole, in one call, as new; the long one alone.
        var calls = ledger.NewStreamCalls.ToList();
        Assert.True(calls.Count >= 3, $"{calls.Count} calls with new streams");
        var streams = calls.SelectMany(c => c).ToList();
        Assert.Equal(streams.Count, streams.Distinct().Count());
        Assert.Contains(calls, c => c is ["acct-long"]);
        Assert.All(indexesWhileNew, count => Assert.Equal(0, count));
        Assert.True(progress.Latest is { Filled: true } latest && latest.Applied >= before, $"progress {progress.Latest}");

        // The keys and indexes dropped for the fill are back as they were, autovacuum is on again, and the tables are analyzed.
        Assert.Equal(shape, await ShapeAsync("rm_ledger"));
        Assert.Equal(0, await _db.ScalarAsync<long>(
            "select count(*) from pg_class where relnamespace = 'rm_ledger'::regnamespace and reloptions is not null"));
        Assert.Equal(0, await _db.ScalarAsync<long>(
            "select count(*) from pg_stat_user_tables where schemaname = 'rm_ledger' and last_analyze is null"));
    }

    /// <summary>The definitions of a schema's indexes and constraints, with the schema's name left out.</summary>
    private async Task<List<string>> ShapeAsync(string schema)
    {
        await using var cmd = _db.DataSource.CreateCommand("""
            select replace(indexdef, schemaname || '.', '') from pg_indexes where schemaname = $1
            union all
            select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where connamespace = $1::regnamespace
            order by 1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = schema });
        var shape = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            shape.Add(reader.GetString(0).Replace(schema + ".", "", StringComparison.Ordinal));
        }
        Assert.NotEmpty(shape);
        return shape;
    }
}
