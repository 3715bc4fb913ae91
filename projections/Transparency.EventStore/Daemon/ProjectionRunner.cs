using Microsoft.Extensions.Logging;
using Npgsql;

namespace Transparency.EventStore;

/// <summary>Keeps one async projection caught up while this process leads: batch after batch, retry, park.</summary>
internal sealed class ProjectionRunner(
    ProjectionTarget target,
    NpgsqlDataSource dataSource,
    EventTypeRegistry registry,
    DaemonOptions options,
    ILogger? logger) : IDisposable
{
    private readonly WakeSignal _wake = new();
    private int _failures;
    private int _carefulLeft;
    private Task<ProjectionBatch.ReadBatch?>? _ahead;

    public string Name => target.Projection.Name;

    public void Wake() => _wake.Signal();

    public void Dispose() => _wake.Dispose();

    public async Task RunAsync(CancellationToken ct)
    {
        await RetryingAsync(EnsureSchemaAsync, ct);
        while (!ct.IsCancellationRequested)
        {
            BatchOutcome outcome;
            try
            {
                outcome = await StepAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            if (outcome.Read == 0)
            {
                try
                {
                    await _wake.WaitAsync(outcome.Waiting ? options.WaitingPollInterval : options.PollInterval, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One batch, with the failure handling.</summary>
    private async Task<BatchOutcome> StepAsync(CancellationToken ct)
    {
        var probe = new ProjectionBatch.Probe();
        // After two failures the batch is cut to single events, so the event that fails is found exactly,
        // the ones before it are kept, and only that one is named when the projection is parked.
        var careful = _failures >= 2 || _carefulLeft > 0;
        try
        {
            var outcome = await BatchAsync(careful ? 1 : options.BatchSize, probe, ct);
            _failures = 0;
            if (careful && outcome.Read > 0)
            {
                _carefulLeft = Math.Max(0, _carefulLeft - 1);
            }
            return outcome;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            _failures++;
            if (_failures == 2)
            {
                _carefulLeft = options.BatchSize;
            }
            if (_failures >= options.MaxAttempts)
            {
                logger?.LogError(e, "projection {Projection} parked at event {Seq}", Name, probe.FirstSeq);
                await RetryingAsync(c => RecordFailureAsync(e, park: true, probe.FirstSeq, c), ct);
                _failures = 0;
                _carefulLeft = 0;
                return new BatchOutcome(0, 0, GlobalPosition.Start);
            }
            logger?.LogWarning(e, "projection {Projection} failed a batch (attempt {Attempt})", Name, _failures);
            await TryRecordErrorAsync(e, ct);
            await Task.Delay(Backoff(_failures), ct);
            return new BatchOutcome(1, 0, GlobalPosition.Start);
        }
    }

    private async Task<BatchOutcome> BatchAsync(int limit, ProjectionBatch.Probe probe, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var progress = await ProjectionBatch.LockProgressAsync(connection, tx, target.ProgressName, ct);
        if (progress.State != "running")
        {
            return new BatchOutcome(0, 0, progress.Position);
        }
        var batch = await TakeReadAheadAsync(progress.Position, limit)
            ?? await ProjectionBatch.ReadAsync(connection, tx, target, registry, progress.Position, limit, decode: false, ct);
        if (batch.Rows.Count == options.BatchSize && limit == options.BatchSize)
        {
            // Behind: read the next batch on another connection while this one is applied (see ProjectionBatch.ReadAsync).
            _ahead = ReadAheadAsync(batch.Last, limit, ct);
        }
        var outcome = await ProjectionBatch.ApplyAsync(connection, tx, target, registry, batch, probe, ct);
        if (outcome.Read > 0)
        {
            await tx.CommitAsync(ct);
        }
        return outcome;
    }

    /// <summary>The batch read ahead, if it starts at the checkpoint (a failed batch or a rebuild's swap moves it) and fits the limit.</summary>
    private async Task<ProjectionBatch.ReadBatch?> TakeReadAheadAsync(GlobalPosition checkpoint, int limit)
    {
        if (_ahead is not { } ahead)
        {
            return null;
        }
        _ahead = null;
        var batch = await ahead;
        return batch is { Rows.Count: > 0 } && batch.After == checkpoint && batch.Rows.Count <= limit ? batch : null;
    }

    private Task<ProjectionBatch.ReadBatch?> ReadAheadAsync(GlobalPosition after, int limit, CancellationToken ct) => Task.Run(async () =>
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            return await ProjectionBatch.ReadAsync(connection, null, target, registry, after, limit, decode: true, ct);
        }
        catch (Exception e)
        {
            // Only an optimisation: the batch is read again inside its own transaction.
            logger?.LogDebug(e, "projection {Projection}: read-ahead failed", Name);
            return null;
        }
    }, CancellationToken.None);

    /// <summary>
    /// Creates the live tables if missing. If they were built for another version of the projection, rebuilds it first
    /// (readers keep the old tables until the swap): new code never writes into tables of the old shape.
    /// </summary>
    private async Task EnsureSchemaAsync(CancellationToken ct)
    {
        bool current;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ProjectionBatch.LockProgressAsync(connection, tx, target.ProgressName, ct);
            current = await ProjectionSchema.EnsureLiveAsync(target.Projection, connection, tx, ct);
            await tx.CommitAsync(ct);
        }
        if (!current)
        {
            logger?.LogWarning("projection {Projection}: its tables were built for another version of it ({Version} now); rebuilding them from the events",
                Name, target.Projection.SchemaVersion);
            await ProjectionRebuild.RunAsync(dataSource, registry, target.Projection, options, new LoggedProgress(logger, Name), ct);
            logger?.LogInformation("projection {Projection}: rebuilt for version {Version}", Name, target.Projection.SchemaVersion);
        }
    }

    private async Task RecordFailureAsync(Exception error, bool park, long? poisonSeq, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            update projection_progress
            set last_error = $2,
                state = case when $3 then 'parked' else state end,
                poison_seq = case when $3 then $4 else poison_seq end,
                updated = now()
            where name = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = target.ProgressName });
        cmd.Parameters.Add(new NpgsqlParameter { Value = $"{error.GetType().Name}: {error.Message}" });
        cmd.Parameters.Add(new NpgsqlParameter { Value = park });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)poisonSeq ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Shows the error in the stats while retrying; if even that fails, the retry will tell.</summary>
    private async Task TryRecordErrorAsync(Exception error, CancellationToken ct)
    {
        try
        {
            await RecordFailureAsync(error, park: false, null, ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            logger?.LogWarning(e, "projection {Projection}: could not record its error", Name);
        }
    }

    private async Task RetryingAsync(Func<CancellationToken, Task> action, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action(ct);
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger?.LogWarning(e, "projection {Projection}: setup failed (attempt {Attempt})", Name, attempt);
                await Task.Delay(Backoff(attempt), ct);
            }
        }
    }

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(options.MaxRetryDelay.Ticks, options.RetryDelay.Ticks << Math.Min(attempt - 1, 20)));

    /// <summary>Logs a rebuild's progress every <see cref="Every"/>: a rebuild of a large store takes minutes.</summary>
    private sealed class LoggedProgress(ILogger? logger, string name) : IProgress<RebuildProgress>
    {
        private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private long _next = Every.Ticks;

        public void Report(RebuildProgress value)
        {
            if (logger is null)
            {
                return;
            }
            if (value.Filled)
            {
                logger.LogInformation("projection {Projection}: applied all {Applied:N0} events in {Seconds:N0} s; indexing, then swapping in",
                    name, value.Applied, _clock.Elapsed.TotalSeconds);
                return;
            }
            var now = _clock.Elapsed.Ticks;
            var next = Interlocked.Read(ref _next);
            if (now < next || Interlocked.CompareExchange(ref _next, now + Every.Ticks, next) != next)
            {
                return;
            }
            logger.LogInformation("projection {Projection}: rebuilt {Applied:N0} of about {Total:N0} events in {Seconds:N0} s",
                name, value.Applied, value.Total, _clock.Elapsed.TotalSeconds);
        }
    }
}
