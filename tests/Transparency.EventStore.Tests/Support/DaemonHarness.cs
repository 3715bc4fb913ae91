using Npgsql;

namespace Transparency.EventStore.Tests.Support;

/// <summary>A daemon running in the background of a test, as the API host would run it.</summary>
public sealed class RunningDaemon : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    private RunningDaemon(ProjectionDaemon daemon)
    {
        Daemon = daemon;
        Run = Task.Run(() => daemon.RunAsync(_stop.Token));
    }

    public ProjectionDaemon Daemon { get; }

    public Task Run { get; }

    public static RunningDaemon Start(NpgsqlDataSource dataSource, IEnumerable<IProjection> projections, DaemonOptions? options = null) =>
        new(new ProjectionDaemon(dataSource, TestEvents.Registry(), projections, options ?? Fast));

    public static DaemonOptions Fast { get; } = new()
    {
        BatchSize = 200,
        PollInterval = TimeSpan.FromMilliseconds(100),
        StandbyInterval = TimeSpan.FromMilliseconds(200),
        LeaderCheckInterval = TimeSpan.FromMilliseconds(200),
        RetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(100),
        MaxAttempts = 4,
    };

    /// <summary>Stops it the way a process exit would: the batch in flight is abandoned.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Run;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
        {
            await StopAsync();
        }
        _stop.Dispose();
    }
}

/// <summary>What a test projection wrote, read back as a reader of its tables would.</summary>
public sealed record AppliedRow(long N, long Seq, string StreamId, long Version, string EventId, string Tag);

public static class LedgerTables
{
    public static async Task<List<AppliedRow>> AppliedAsync(NpgsqlDataSource dataSource, string projection)
    {
        await using var cmd = dataSource.CreateCommand(
            $"select n, seq, stream_id, version, event_id, tag from {ProjectionSchema.LiveName(projection)}.applied order by n");
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<AppliedRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new AppliedRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4), reader.GetString(5)));
        }
        return rows;
    }

    public static async Task<List<(string Stream, long Balance, int Events, long LastVersion)>> BalancesAsync(NpgsqlDataSource dataSource, string projection)
    {
        await using var cmd = dataSource.CreateCommand(
            $"select stream_id, balance, events, last_version from {ProjectionSchema.LiveName(projection)}.balances order by stream_id");
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<(string, long, int, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt64(3)));
        }
        return rows;
    }

    /// <summary>The projection's lag is 0 and it has applied <paramref name="expected"/> events.</summary>
    public static async Task<bool> CaughtUpAsync(NpgsqlDataSource dataSource, string projection, int expected)
    {
        var stats = await StoreStatistics.ReadAsync(dataSource);
        var status = stats.Projections.FirstOrDefault(p => p.Name == projection);
        if (status is null || status.Lag != 0)
        {
            return false;
        }
        await using var cmd = dataSource.CreateCommand($"select count(*) from {ProjectionSchema.LiveName(projection)}.applied");
        return (long)(await cmd.ExecuteScalarAsync())! == expected;
    }

    /// <summary>Every expected event exactly once, nothing else, and each stream in version order 1, 2, 3...</summary>
    public static void AssertExactlyOnceInStreamOrder(IReadOnlyList<AppliedRow> applied, IReadOnlyCollection<string> expectedEventIds)
    {
        var duplicates = applied.GroupBy(r => r.Seq).Where(g => g.Count() > 1).Select(g => g.Key).Take(5).ToList();
        Assert.True(duplicates.Count == 0, $"applied twice: events {string.Join(", ", duplicates)}");
        var missing = expectedEventIds.Except(applied.Select(r => r.EventId)).Take(5).ToList();
        Assert.True(missing.Count == 0, $"never applied: {string.Join(", ", missing)}");
        var extra = applied.Select(r => r.EventId).Except(expectedEventIds).Take(5).ToList();
        Assert.True(extra.Count == 0, $"applied but not committed: {string.Join(", ", extra)}");
        Assert.Equal(expectedEventIds.Count, applied.Count);
        foreach (var stream in applied.GroupBy(r => r.StreamId))
        {
            var versions = stream.OrderBy(r => r.N).Select(r => r.Version).ToList();
            Assert.True(versions.SequenceEqual(Enumerable.Range(1, versions.Count).Select(v => (long)v)),
                $"stream {stream.Key} applied as versions {string.Join(",", versions.Take(20))}");
        }
    }
}
