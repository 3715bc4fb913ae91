using Transparency.EventStore.Tests.Support;

namespace Transparency.EventStore.Tests.Daemon;

/// <summary>The cases where sequence order is not commit order.</summary>
public sealed class OrderingTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private PostgresEventStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _store = new PostgresEventStore(_db.DataSource, TestEvents.Registry());
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_slow_transaction_is_waited_for_not_skipped()
    {
        var ledger = new LedgerProjection();
        await using var daemon = RunningDaemon.Start(_db.DataSource, [ledger]);

        await using var slow = await _db.DataSource.OpenConnectionAsync();
        await using var slowTx = await slow.BeginTransactionAsync();
        await _store.AppendAsync([new StreamAppend("slow", ExpectedVersion.Any, [new Deposited("slow-1", 1)])], null, slowTx);

        var quick = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            await _store.AppendAsync($"quick-{i % 5}", ExpectedVersion.Any, [new Deposited($"quick-{i}", 1)]);
            quick.Add($"quick-{i}");
        }
        // The quick events have higher seq than the slow one and are committed; a reader checkpointing on
        // seq would apply them now and never come back for the slow one. This one must hold back instead.
        await Eventually.HoldsAsync(async () => (await StoreStatistics.ReadAsync(_db.DataSource)).Projections.Any(p => p.Name == "ledger"),
            TimeSpan.FromSeconds(30), "the daemon registers the projection");
        await Task.Delay(500);
        Assert.Empty(await LedgerTables.AppliedAsync(_db.DataSource, "ledger"));

        await slowTx.CommitAsync();
        await Eventually.HoldsAsync(() => LedgerTables.CaughtUpAsync(_db.DataSource, "ledger", 31), TimeSpan.FromSeconds(30), "all 31 events applied");
        LedgerTables.AssertExactlyOnceInStreamOrder(await LedgerTables.AppliedAsync(_db.DataSource, "ledger"), [.. quick, "slow-1"]);
    }

    [Fact]
    public async Task A_stream_version_written_by_an_older_transaction_is_applied_after_the_versions_before_it()
    {
        // Transaction A takes its id first, transaction B appends order:1 and commits, then A appends
        // order:2 together with another stream. In (tx_id, seq) order the reader meets order:2 first.
        await using var a = await _db.DataSource.OpenConnectionAsync();
        await using var aTx = await a.BeginTransactionAsync();
        await using (var takeId = new Npgsql.NpgsqlCommand("select pg_current_xact_id()", a, aTx))
        {
            await takeId.ExecuteScalarAsync();
        }
        await _store.AppendAsync("order", ExpectedVersion.NoStream, [new Deposited("b-order-1", 10)]);
        await _store.AppendAsync([
            new StreamAppend("order", ExpectedVersion.Exact(1), [new Withdrawn("a-order-2", 3)]),
            new StreamAppend("other", ExpectedVersion.NoStream, [new Deposited("a-other-1", 5)]),
        ], null, aTx);
        await aTx.CommitAsync();

        await Eventually.HoldsAsync(async () => (await _store.ReadAllAsync(GlobalPosition.Start)).Count == 3,
            TimeSpan.FromSeconds(30), "the three events readable");
        var readerOrder = await _store.ReadAllAsync(GlobalPosition.Start);
        Assert.Equal(["a-order-2", "a-other-1", "b-order-1"], readerOrder.Select(LedgerProjection.EventId));

        var ledger = new LedgerProjection();
        await using var daemon = RunningDaemon.Start(_db.DataSource, [ledger]);
        await Eventually.HoldsAsync(() => LedgerTables.CaughtUpAsync(_db.DataSource, "ledger", 3), TimeSpan.FromSeconds(30), "3 events applied");

        var applied = await LedgerTables.AppliedAsync(_db.DataSource, "ledger");
        LedgerTables.AssertExactlyOnceInStreamOrder(applied, ["b-order-1", "a-order-2", "a-other-1"]);
        Assert.Equal(["b-order-1", "a-order-2"], applied.Where(r => r.StreamId == "order").Select(r => r.EventId));
        Assert.Contains(("order", 7L, 2, 2L), await LedgerTables.BalancesAsync(_db.DataSource, "ledger"));
    }

    [Fact]
    public async Task A_notification_wakes_the_daemon_without_waiting_for_the_poll()
    {
        var ledger = new LedgerProjection("woken");
        await using var daemon = RunningDaemon.Start(_db.DataSource, [ledger],
            RunningDaemon.Fast with { PollInterval = TimeSpan.FromMinutes(5) });
        await Eventually.HoldsAsync(async () => (await StoreStatistics.ReadAsync(_db.DataSource)).Projections.Any(p => p.Name == "woken"),
            TimeSpan.FromSeconds(30), "the daemon registers the projection");
        await Task.Delay(300);

        await _store.AppendAsync("wake", ExpectedVersion.Any, [new Deposited("wake-1", 1)]);

        // Far less than the 5-minute poll: only the append's notification can have woken it.
        await Eventually.HoldsAsync(() => LedgerTables.CaughtUpAsync(_db.DataSource, "woken", 1), TimeSpan.FromSeconds(20), "the event applied");
    }
}
