using Transparency.EventStore.Tests.Support;

namespace Transparency.EventStore.Tests.Daemon;

/// <summary>New code must never write into read-model tables built for another version of the projection.</summary>
public sealed class SchemaVersionTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Tables_of_another_version_are_rebuilt_from_the_events_before_anything_is_applied_and_the_same_version_keeps_them()
    {
        var store = new PostgresEventStore(_db.DataSource, TestEvents.Registry());
        var ids = new List<string>();
        for (var i = 0; i < 300; i += 3)
        {
            var batch = Enumerable.Range(i, 3).Select(n => $"e-{n}").ToList();
            await store.AppendAsync([new StreamAppend($"acct-{i % 17}", ExpectedVersion.Any, batch.Select(id => (object)new Deposited(id, 5)).ToList())]);
            ids.AddRange(batch);
        }

        await RunUntilCaughtUpAsync(new LedgerProjection { SchemaVersion = "1" }, 300);
        Assert.Equal("1", await _db.ScalarAsync<string>("select coalesce((select version from projection_schemas where name = 'ledger'), '')"));
        // Something only the tables built for version 1 have.
        await _db.ExecuteAsync("create table rm_ledger.built_for_v1 (x int)");

        // The same version: the tables are kept as they are.
        await RunUntilCaughtUpAsync(new LedgerProjection { SchemaVersion = "1" }, 300);
        Assert.True(await _db.ScalarAsync<bool>("select to_regclass('rm_ledger.built_for_v1') is not null"));

        // Another version: rebuilt into new tables first, then kept up to date as usual.
        await RunUntilCaughtUpAsync(new LedgerProjection { SchemaVersion = "2" }, 300, then: () =>
            store.AppendAsync([new StreamAppend("acct-0", ExpectedVersion.Any, [new Deposited("e-300", 5)])]));
        ids.Add("e-300");
        await RunUntilCaughtUpAsync(new LedgerProjection { SchemaVersion = "2" }, 301);
        Assert.Equal("2", await _db.ScalarAsync<string>("select coalesce((select version from projection_schemas where name = 'ledger'), '')"));
        Assert.False(await _db.ScalarAsync<bool>("select to_regclass('rm_ledger.built_for_v1') is not null"));
        LedgerTables.AssertExactlyOnceInStreamOrder(await LedgerTables.AppliedAsync(_db.DataSource, "ledger"), ids);
        Assert.Equal(0, await _db.ScalarAsync<long>("select count(*) from pg_namespace where nspname like 'rm_ledger__%'"));
    }

    [Fact]
    public async Task Tables_built_before_versions_were_kept_count_as_another_version()
    {
        var store = new PostgresEventStore(_db.DataSource, TestEvents.Registry());
        await store.AppendAsync([new StreamAppend("acct-1", ExpectedVersion.Any, [new Deposited("e-1", 5), new Deposited("e-2", 5)])]);
        await RunUntilCaughtUpAsync(new LedgerProjection(), 2);
        Assert.Equal("", await _db.ScalarAsync<string>("select coalesce((select version from projection_schemas where name = 'ledger'), '')"));
        await _db.ExecuteAsync("delete from projection_schemas where name = 'ledger'; create table rm_ledger.old (x int)");

        await RunUntilCaughtUpAsync(new LedgerProjection { SchemaVersion = "1" }, 2);
        Assert.Equal("1", await _db.ScalarAsync<string>("select coalesce((select version from projection_schemas where name = 'ledger'), '')"));
        Assert.False(await _db.ScalarAsync<bool>("select to_regclass('rm_ledger.old') is not null"));
        LedgerTables.AssertExactlyOnceInStreamOrder(await LedgerTables.AppliedAsync(_db.DataSource, "ledger"), ["e-1", "e-2"]);
    }

    private async Task RunUntilCaughtUpAsync(LedgerProjection ledger, int expected, Func<Task>? then = null)
    {
        await using var daemon = RunningDaemon.Start(_db.DataSource, [ledger], RunningDaemon.Fast);
        // Caught up in the tables of this version: the old ones may be caught up too while the rebuild runs.
        await Eventually.HoldsAsync(async () =>
                await _db.ScalarAsync<string>("select coalesce((select version from projection_schemas where name = 'ledger'), '')") == ledger.SchemaVersion
                && await LedgerTables.CaughtUpAsync(_db.DataSource, "ledger", expected),
            TimeSpan.FromSeconds(30), $"ledger version '{ledger.SchemaVersion}' caught up");
        if (then is not null)
        {
            await then();
        }
    }
}
