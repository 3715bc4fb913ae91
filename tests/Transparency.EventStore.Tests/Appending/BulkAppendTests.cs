using Transparency.EventStore.Tests.Support;

namespace Transparency.EventStore.Tests.Appending;

/// <summary>Appends of many events are written with COPY; they must keep every promise es_append keeps.</summary>
public sealed class BulkAppendTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private PostgresEventStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _store = new PostgresEventStore(_db.DataSource, TestEvents.Registry());
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static StreamAppend Stream(string id, ExpectedVersion expected, int events, string prefix = "e") =>
        new(id, expected, Enumerable.Range(1, events).Select(i => (object)new Deposited($"{prefix}{i}", i)).ToArray(), "account");

    [Fact]
    public async Task A_bulk_append_gives_each_stream_contiguous_versions_and_every_event_its_position_in_order()
    {
        await _store.AppendAsync("bulk-0", ExpectedVersion.NoStream, [new Deposited("first", 1)]);
        var appends = Enumerable.Range(0, 60).Select(s => s == 0
            ? Stream("bulk-0", ExpectedVersion.Exact(1), 7)
            : Stream($"bulk-{s}", s % 2 == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Any, 7)).ToList();
        Assert.True(appends.Sum(a => a.Events.Count) >= PostgresEventStore.BulkThreshold);

        var results = await _store.AppendAsync(appends, new EventMetadata(Court: "豫0105", Actor: "backfill"));

        Assert.Equal(8, results[0].NewVersion);
        Assert.All(results.Skip(1), r => Assert.Equal(7, r.NewVersion));
        var positions = results.SelectMany(r => r.Positions).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions.Count, positions.Distinct().Count());

        var zero = await _store.ReadStreamAsync("bulk-0");
        Assert.Equal(Enumerable.Range(1, 8).Select(v => (long)v), zero.Select(e => e.Version));
        Assert.Equal(results[0].Positions, zero.Skip(1).Select(e => e.Seq));
        Assert.Equal("豫0105", zero[^1].Metadata.Court);
        var other = await _store.ReadStreamAsync("bulk-33");
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"e{i}"), other.Select(e => ((Deposited)e.Data).Id));
        Assert.Equal("account", await _db.ScalarAsync<string>("select type from streams where id = 'bulk-33'"));

        // The daemon reads in (tx_id, seq) order: one transaction, and within each stream seq follows version.
        Assert.Equal(1, await _db.ScalarAsync<long>($"select count(distinct tx_id) from events where seq >= {positions[0]}"));
        Assert.Equal(0, await _db.ScalarAsync<long>("""
            select count(*) from (
                select seq, lag(seq) over (partition by stream_id order by version) as before from events
            ) v where v.seq < v.before
            """));
    }

    [Fact]
    public async Task A_stale_stream_in_a_bulk_append_refuses_it_all_and_writes_nothing()
    {
        await _store.AppendAsync("held", ExpectedVersion.NoStream, [new Deposited("h1", 1), new Deposited("h2", 1)]);
        var before = await _db.ScalarAsync<long>("select count(*) from events");

        var appends = Enumerable.Range(0, 40).Select(s => Stream($"new-{s}", ExpectedVersion.NoStream, 8)).ToList();
        appends.Add(Stream("held", ExpectedVersion.Exact(1), 8));
        var stale = await Assert.ThrowsAsync<ConcurrencyException>(() => _store.AppendAsync(appends));

        Assert.Equal("held", stale.StreamId);
        Assert.Equal(ExpectedVersion.Exact(1), stale.Expected);
        Assert.Equal(2, stale.Actual);
        Assert.Equal(before, await _db.ScalarAsync<long>("select count(*) from events"));
        Assert.Equal(0, await _db.ScalarAsync<long>("select count(*) from streams where id like 'new-%'"));
        Assert.Equal(2, await _store.CurrentVersionAsync("held"));
    }

    [Fact]
    public async Task A_refused_bulk_append_in_a_callers_transaction_leaves_it_usable()
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await _store.AppendAsync([Stream("mine", ExpectedVersion.NoStream, 300)], null, tx);
        await Assert.ThrowsAsync<ConcurrencyException>(() =>
            _store.AppendAsync([Stream("other", ExpectedVersion.NoStream, 300), Stream("mine", ExpectedVersion.NoStream, 1)], null, tx));
        await _store.AppendAsync([Stream("mine", ExpectedVersion.Exact(300), 300, "f")], null, tx);
        await tx.CommitAsync();

        Assert.Equal(600, (await _store.ReadStreamAsync("mine")).Count);
        Assert.Equal(0, await _store.CurrentVersionAsync("other"));
    }

    [Fact]
    public async Task A_bulk_append_in_a_rolled_back_transaction_leaves_no_trace()
    {
        await using (var connection = await _db.DataSource.OpenConnectionAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await _store.AppendAsync([Stream("gone", ExpectedVersion.NoStream, 500)], null, tx);
            await tx.RollbackAsync();
        }
        Assert.Empty(await _store.ReadStreamAsync("gone"));
        Assert.Equal(0, await _db.ScalarAsync<long>("select count(*) from streams"));
    }

    [Fact]
    public async Task An_inline_projection_sees_a_bulk_append_in_the_same_transaction()
    {
        var store = new PostgresEventStore(_db.DataSource, TestEvents.Registry(), new EventStoreOptions([new LedgerProjection("bulk_ledger")]));
        await store.AppendAsync([Stream("acct", ExpectedVersion.NoStream, 400)]);

        // Deposits 1..400: the ledger saw every one, in order, with the positions the store returned.
        Assert.Equal(400 * 401 / 2, await _db.ScalarAsync<long>("select balance from rm_bulk_ledger.balances where stream_id = 'acct'"));
        Assert.Equal(400, await _db.ScalarAsync<long>("select count(*) from rm_bulk_ledger.applied a join events e on e.seq = a.seq and e.version = a.version"));
    }

    [Fact]
    public async Task An_idempotency_key_on_a_large_append_still_appends_once()
    {
        var key = new EventMetadata(IdempotencyKey: "backfill-2026-11-23");
        var first = await _store.AppendAsync([Stream("keyed", ExpectedVersion.NoStream, 300)], key);
        var retry = await _store.AppendAsync([Stream("keyed", ExpectedVersion.NoStream, 300)], key);

        Assert.True(retry[0].Replayed);
        Assert.Equal(first[0].Positions, retry[0].Positions);
        Assert.Equal(300, (await _store.ReadStreamAsync("keyed")).Count);
    }
}
