using Xunit.Abstractions;
using Transparency.EventStore.Tests.Support;

namespace Transparency.EventStore.Tests.Daemon;

public sealed class ConcurrentWritersTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Eight_writers_with_rollbacks_slow_commits_and_multi_stream_transactions_are_projected_exactly_once_in_stream_order()
    {
        const int writers = 8, eventsPerWriter = 10_000, streams = 300;
        var store = new PostgresEventStore(_db.DataSource, TestEvents.Registry());
        var ledger = new LedgerProjection();
        await using var daemon = RunningDaemon.Start(_db.DataSource, [ledger], RunningDaemon.Fast with { BatchSize = 500 });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var committed = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var mine = new List<string>();
            var attempted = 0;
            var counter = 0;
            while (attempted < eventsPerWriter)
            {
                var touched = random.Next(10) < 3 ? random.Next(2, 4) : 1;
                var appends = Enumerable.Range(0, touched)
                    .Select(_ => $"acct-{random.Next(streams)}").Distinct()
                    .Select(stream => new StreamAppend(stream, ExpectedVersion.Any, Enumerable.Range(0, random.Next(1, 4))
                        .Select(_ => (object)(random.Next(4) == 0
                            ? new Withdrawn($"w{w}-{counter++}", random.Next(1, 100))
                            : new Deposited($"w{w}-{counter++}", random.Next(1, 1000))))
                        .ToList()))
                    .ToList();
                var rollBack = random.Next(3) == 0;
                var slow = random.Next(100) == 0;

                await using var connection = await _db.DataSource.OpenConnectionAsync();
                await using var tx = await connection.BeginTransactionAsync();
                await store.AppendAsync(appends, new EventMetadata(Actor: $"writer-{w}"), tx);
                if (slow)
                {
                    await using var sleep = new Npgsql.NpgsqlCommand("select pg_sleep(0.05)", connection, tx);
                    await sleep.ExecuteNonQueryAsync();
                }
                var ids = appends.SelectMany(a => a.Events).Select(e => e switch { Deposited d => d.Id, Withdrawn x => x.Id, _ => "" }).ToList();
                if (rollBack)
                {
                    await tx.RollbackAsync();
                }
                else
                {
                    await tx.CommitAsync();
                    mine.AddRange(ids);
                }
                attempted += ids.Count;
            }
            return mine;
        })));

        var expected = committed.SelectMany(c => c).ToList();
        output.WriteLine($"writers done after {watch.Elapsed}, {expected.Count} committed");
        Assert.InRange(expected.Count, writers * eventsPerWriter / 2, writers * eventsPerWriter * 3 / 4);
        await Eventually.HoldsAsync(() => LedgerTables.CaughtUpAsync(_db.DataSource, "ledger", expected.Count), TimeSpan.FromSeconds(90),
            $"all {expected.Count} committed events applied");

        output.WriteLine($"caught up after {watch.Elapsed}");
        var applied = await LedgerTables.AppliedAsync(_db.DataSource, "ledger");
        LedgerTables.AssertExactlyOnceInStreamOrder(applied, expected);

        // What a reader of the read model sees agrees with the streams themselves.
        var balances = await LedgerTables.BalancesAsync(_db.DataSource, "ledger");
        var fromStreams = await _db.ScalarAsync<long>(
            "select sum(case when type = 'test.withdrawn.v1' then -(data->>'amountFen')::bigint else (data->>'amountFen')::bigint end) from events");
        Assert.Equal(fromStreams, balances.Sum(b => b.Balance));
        Assert.Equal(await _db.ScalarAsync<long>("select count(*) from streams"), balances.Count);
        Assert.All(balances, b => Assert.Equal(b.Events, b.LastVersion));
    }
}
