using Npgsql;
using Transparency.EventStore.Tests.Support;

namespace Transparency.EventStore.Tests.Appending;

public sealed class AppendTests : IAsyncLifetime
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
    public async Task Append_returns_the_new_version_and_positions_and_the_stream_reads_back_in_order()
    {
        var metadata = new EventMetadata(Court: "川0104", Actor: "clerk-7", CorrelationId: "req-1", CausationId: "cmd-1");
        var first = await _store.AppendAsync("acct-1", ExpectedVersion.NoStream,
            [new Deposited("d1", 500), new Withdrawn("w1", 200)], metadata);
        var second = await _store.AppendAsync("acct-1", ExpectedVersion.Exact(2), [new Deposited("d2", 50)]);

        Assert.Equal(2, first.NewVersion);
        Assert.Equal(2, first.Positions.Count);
        Assert.True(first.Positions[0] < first.Positions[1]);
        Assert.Equal(3, second.NewVersion);
        Assert.True(second.Positions[0] > first.Positions[1]);

        var events = await _store.ReadStreamAsync("acct-1");
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Version));
        Assert.Equal(new object[] { new Deposited("d1", 500), new Withdrawn("w1", 200), new Deposited("d2", 50) }, events.Select(e => e.Data));
        Assert.Equal(["test.deposited.v2", "test.withdrawn.v1", "test.deposited.v2"], events.Select(e => e.Type));
        Assert.Equal(metadata, events[0].Metadata);
        Assert.Equal(EventMetadata.None, events[2].Metadata);
        Assert.Equal(first.Positions.Concat(second.Positions), events.Select(e => e.Seq));

        var fromTwo = await _store.ReadStreamAsync("acct-1", fromVersion: 2);
        Assert.Equal([2L, 3L], fromTwo.Select(e => e.Version));
        Assert.Equal(3, await _store.CurrentVersionAsync("acct-1"));
        Assert.Equal(1, await _db.ScalarAsync<long>("select count(*) from streams where id = 'acct-1' and version = 3"));
    }

    /// <summary>
    /// A single-stream append without a notification takes the plain-SQL path; with one (or across streams, or
    /// with an idempotency key) it takes es_append. Both must refuse the same things the same way.
    /// </summary>
    private PostgresEventStore StoreFor(string path) => path switch
    {
        "single-statement" => new PostgresEventStore(_db.DataSource, TestEvents.Registry(), new EventStoreOptions(Notify: false)),
        "es_append" => new PostgresEventStore(_db.DataSource, TestEvents.Registry(), new EventStoreOptions(NotifyInterval: TimeSpan.Zero)),
        _ => throw new ArgumentOutOfRangeException(nameof(path)),
    };

    [Theory]
    [InlineData("single-statement")]
    [InlineData("es_append")]
    public async Task A_stale_expected_version_is_refused_naming_the_stream_and_both_versions_and_appends_nothing(string path)
    {
        _store = StoreFor(path);
        await _store.AppendAsync("acct-2", ExpectedVersion.NoStream, [new Deposited("d1", 1), new Deposited("d2", 2)]);

        var stale = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            _store.AppendAsync("acct-2", ExpectedVersion.Exact(1), [new Deposited("late", 3)]));
        Assert.Equal("acct-2", stale.StreamId);
        Assert.Equal(ExpectedVersion.Exact(1), stale.Expected);
        Assert.Equal(2, stale.Actual);
        Assert.Contains("acct-2", stale.Message);

        var exists = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            _store.AppendAsync("acct-2", ExpectedVersion.NoStream, [new Deposited("again", 3)]));
        Assert.Equal(2, exists.Actual);

        var events = await _store.ReadStreamAsync("acct-2");
        Assert.Equal(["d1", "d2"], events.Select(e => ((Deposited)e.Data).Id));
        Assert.Equal(2, await _store.CurrentVersionAsync("acct-2"));
    }

    [Theory]
    [InlineData("single-statement")]
    [InlineData("es_append")]
    public async Task Racing_writers_with_the_same_expected_version_one_wins_the_others_get_a_concurrency_error(string path)
    {
        _store = StoreFor(path);
        await _store.AppendAsync("acct-race", ExpectedVersion.NoStream, [new Deposited("seed", 1)]);
        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await _store.AppendAsync("acct-race", ExpectedVersion.Exact(1), [new Deposited($"w{i}", 1)]);
                return true;
            }
            catch (ConcurrencyException e) when (e.StreamId == "acct-race" && e.Actual == 2)
            {
                return false;
            }
        }).ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, won => won);
        Assert.Equal(2, (await _store.ReadStreamAsync("acct-race")).Count);
    }

    [Theory]
    [InlineData("single-statement")]
    [InlineData("es_append")]
    public async Task Racing_creators_of_one_stream_one_wins_and_an_exact_version_of_a_missing_stream_is_refused(string path)
    {
        _store = StoreFor(path);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await _store.AppendAsync("acct-new", ExpectedVersion.NoStream, [new Deposited($"c{i}", 1), new Deposited($"c{i}b", 1)]);
                return true;
            }
            catch (ConcurrencyException e) when (e.StreamId == "acct-new" && e.Actual == 2)
            {
                return false;
            }
        }));
        Assert.Single(outcomes, won => won);
        Assert.Equal([1L, 2L], (await _store.ReadStreamAsync("acct-new")).Select(e => e.Version));

        var missing = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            _store.AppendAsync("acct-missing", ExpectedVersion.Exact(3), [new Deposited("x", 1)]));
        Assert.Equal(0, missing.Actual);
        Assert.Equal(0, await _db.ScalarAsync<long>("select count(*) from streams where id = 'acct-missing'"));

        var any = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            _store.AppendAsync("acct-any", ExpectedVersion.Any, [new Deposited($"a{i}", 1), new Deposited($"a{i}b", 1)])));
        Assert.Equal(Enumerable.Range(1, 8).Select(i => 2L * i), any.Select(r => r.NewVersion).Order());
        var versions = (await _store.ReadStreamAsync("acct-any")).Select(e => e.Version).ToList();
        Assert.Equal(Enumerable.Range(1, 16).Select(v => (long)v), versions);
    }

    [Theory]
    [InlineData("single-statement")]
    [InlineData("es_append")]
    public async Task A_refused_append_in_a_callers_transaction_reports_the_transactions_own_version_and_writes_nothing(string path)
    {
        _store = StoreFor(path);
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await _store.AppendAsync([new StreamAppend("acct-tx", ExpectedVersion.NoStream, [new Deposited("t1", 1)])], null, tx);
        await tx.SaveAsync("before_stale");
        var stale = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            _store.AppendAsync([new StreamAppend("acct-tx", ExpectedVersion.NoStream, [new Deposited("t2", 1)])], null, tx));
        // The transaction's own, uncommitted stream is the version it reports.
        Assert.Equal(1, stale.Actual);
        await tx.RollbackAsync("before_stale");
        await _store.AppendAsync([new StreamAppend("acct-tx", ExpectedVersion.Exact(1), [new Deposited("t3", 1)])], null, tx);
        await tx.CommitAsync();

        Assert.Equal(["t1", "t3"], (await _store.ReadStreamAsync("acct-tx")).Select(e => ((Deposited)e.Data).Id));
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_earlier_result_and_appends_nothing()
    {
        var key = new EventMetadata(Court: "川0104", IdempotencyKey: "court-川0104-req-42");
        var first = await _store.AppendAsync("acct-3", ExpectedVersion.NoStream, [new Deposited("d1", 10), new Deposited("d2", 20)], key);
        // The retry carries a stale expected version: the stored result still wins, it is the same request.
        var retry = await _store.AppendAsync("acct-3", ExpectedVersion.NoStream, [new Deposited("d1", 10), new Deposited("d2", 20)], key);

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.NewVersion, retry.NewVersion);
        Assert.Equal(first.Positions, retry.Positions);
        Assert.Equal(2, (await _store.ReadStreamAsync("acct-3")).Count);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_append_once()
    {
        var key = new EventMetadata(IdempotencyKey: "same-request");
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            _store.AppendAsync("acct-4", ExpectedVersion.Any, [new Deposited("once", 10)], key)));

        Assert.Single(results, r => !r.Replayed);
        Assert.All(results, r => Assert.Equal(results[0].Positions, r.Positions));
        Assert.Single(await _store.ReadStreamAsync("acct-4"));
    }

    [Fact]
    public async Task An_append_across_streams_is_all_or_nothing()
    {
        await _store.AppendAsync("acct-5a", ExpectedVersion.NoStream, [new Deposited("a1", 1)]);

        var results = await _store.AppendAsync(
        [
            new StreamAppend("acct-5a", ExpectedVersion.Exact(1), [new Withdrawn("a2", 1)]),
            new StreamAppend("acct-5b", ExpectedVersion.NoStream, [new Deposited("b1", 1), new Deposited("b2", 1)], "account"),
        ]);
        Assert.Equal([2L, 2L], results.Select(r => r.NewVersion));
        Assert.Equal(3, results.Sum(r => r.Positions.Count));
        Assert.Equal("account", await _db.ScalarAsync<string>("select type from streams where id = 'acct-5b'"));

        var refused = await Assert.ThrowsAsync<ConcurrencyException>(() => _store.AppendAsync(
        [
            new StreamAppend("acct-5c", ExpectedVersion.NoStream, [new Deposited("c1", 1)]),
            new StreamAppend("acct-5b", ExpectedVersion.Exact(1), [new Deposited("b3", 1)]),
        ]));
        Assert.Equal("acct-5b", refused.StreamId);
        Assert.Equal(2, refused.Actual);
        Assert.Empty(await _store.ReadStreamAsync("acct-5c"));
        Assert.Equal(0, await _store.CurrentVersionAsync("acct-5c"));
    }

    [Fact]
    public async Task An_append_in_a_rolled_back_transaction_leaves_no_trace()
    {
        await using (var connection = await _db.DataSource.OpenConnectionAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await _store.AppendAsync([new StreamAppend("acct-6", ExpectedVersion.NoStream, [new Deposited("gone", 1)])], null, tx);
            await tx.RollbackAsync();
        }
        Assert.Empty(await _store.ReadStreamAsync("acct-6"));
        var after = await _store.AppendAsync("acct-6", ExpectedVersion.NoStream, [new Deposited("kept", 1)]);
        Assert.Equal(1, after.NewVersion);
    }

    [Fact]
    public async Task Events_stored_in_an_old_shape_are_read_as_the_current_record()
    {
        // As the first version of the writer stored it: whole yuan, under the old name.
        await _db.ExecuteAsync("""
            insert into streams (id, version) values ('acct-old', 1);
            insert into events (stream_id, version, type, data) values ('acct-old', 1, 'test.deposited.v1', '{"amountYuan": 12}');
            """);

        var events = await _store.ReadStreamAsync("acct-old");
        Assert.Equal(new Deposited("v1", 1200), Assert.Single(events).Data);
        Assert.Equal("test.deposited.v1", events[0].Type);
        Assert.Contains("test.deposited.v1", _store.Registry.StoredNamesReadAs(typeof(Deposited)));
    }

    [Fact]
    public async Task Read_all_pages_in_commit_safe_order_and_holds_back_events_of_a_running_transaction()
    {
        var registry = TestEvents.Registry();
        await using var db = await TestDatabase.CreateAsync();
        var store = new PostgresEventStore(db.DataSource, registry);
        await store.AppendAsync("s1", ExpectedVersion.Any, [new Noted("1"), new Noted("2")]);

        await using var open = await db.DataSource.OpenConnectionAsync();
        await using var running = await open.BeginTransactionAsync();
        await store.AppendAsync([new StreamAppend("s2", ExpectedVersion.Any, [new Noted("open")])], null, running);
        await store.AppendAsync("s3", ExpectedVersion.Any, [new Noted("3")]);

        // s3 committed after s2's transaction began: it waits behind it, so a reader cannot pass s2.
        // (The horizon is the server's oldest running transaction, so other databases' work can delay "1", "2".)
        await Eventually.HoldsAsync(async () => (await store.ReadAllAsync(GlobalPosition.Start, limit: 10)).Count == 2,
            TimeSpan.FromSeconds(30), "the events committed before the open transaction are readable");
        var page = await store.ReadAllAsync(GlobalPosition.Start, limit: 10);
        Assert.Equal(["1", "2"], page.Select(e => ((Noted)e.Data).Text));

        await running.CommitAsync();
        await Eventually.HoldsAsync(async () => (await store.ReadAllAsync(GlobalPosition.Start, limit: 10)).Count == 4,
            TimeSpan.FromSeconds(30), "every event readable once the transaction has ended");
        var all = new List<RecordedEvent>();
        var position = GlobalPosition.Start;
        while (true)
        {
            var next = await store.ReadAllAsync(position, limit: 2);
            if (next.Count == 0)
            {
                break;
            }
            all.AddRange(next);
            position = next[^1].Position;
        }
        Assert.Equal(["1", "2", "open", "3"], all.Select(e => ((Noted)e.Data).Text));
        Assert.True(GlobalPosition.TryParse(position.ToString(), out var parsed));
        Assert.Equal(position, parsed);
    }

    [Fact]
    public async Task An_unregistered_event_type_is_refused_before_anything_is_written()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _store.AppendAsync("acct-7", ExpectedVersion.Any, [new { Not = "registered" }]));
        Assert.Contains("not a registered event type", error.Message);
        Assert.Empty(await _store.ReadStreamAsync("acct-7"));
    }

    [Fact]
    public async Task An_inline_projection_sees_the_append_in_the_same_transaction()
    {
        var ledger = new LedgerProjection("inline_ledger");
        var store = new PostgresEventStore(_db.DataSource, TestEvents.Registry(), new EventStoreOptions([ledger]));
        await store.AppendAsync("acct-8", ExpectedVersion.NoStream, [new Deposited("d1", 700), new Withdrawn("w1", 200)]);

        Assert.Equal(500, await _db.ScalarAsync<long>("select balance from rm_inline_ledger.balances where stream_id = 'acct-8'"));

        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await store.AppendAsync([new StreamAppend("acct-8", ExpectedVersion.Exact(2), [new Deposited("d2", 1)])], null, tx);
        await tx.RollbackAsync();
        Assert.Equal(500, await _db.ScalarAsync<long>("select balance from rm_inline_ledger.balances where stream_id = 'acct-8'"));

        await Assert.ThrowsAsync<ConcurrencyException>(() =>
            store.AppendAsync("acct-8", ExpectedVersion.Exact(1), [new Deposited("stale", 1)]));
        Assert.Equal(2, await _db.ScalarAsync<long>("select events from rm_inline_ledger.balances where stream_id = 'acct-8'"));
    }
}
