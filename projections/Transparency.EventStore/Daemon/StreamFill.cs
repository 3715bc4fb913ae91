using System.Text.Json;
using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace Transparency.EventStore;

/// <summary>
/// The fill of a stream-scoped projection's rebuild: every stream whole, one after another, in place of the log in
/// commit order. Each stream is then new to the shadow tables when it is applied, so there is nothing to load or
/// replace (and, for <see cref="IProjection.InsertsOnlyForNewStreams"/>, the tables need no index meanwhile); each
/// stream's rows are written once, however its events interleave with other streams' in the log; and batches share no
/// stream, so <see cref="Writers"/> of them are applied at once, one folding while the database takes the other's rows.
/// <para>
/// Commit order comes back after the fill. Before it reads anything, the fill takes the horizon: the last event below
/// the oldest running transaction, so every event up to it is committed and the fill reads it. The fill may read later
/// events too. It records each stream's last applied version, as the live daemon does, and leaves the checkpoint at
/// the horizon: the swap's catch-up reads the log from there and skips what a stream's recorded version says is applied.
/// </para>
/// </summary>
internal static class StreamFill
{
    /// <summary>Batches applied at once, each on its own connection.</summary>
    private const int Writers = 2;

    /// <summary>A run of whole streams, each from version 1 in version order.</summary>
    private sealed record Streams(List<ProjectionBatch.Row> Rows);

    /// <summary>Applies every stream to the shadow tables; returns the horizon, the checkpoint the catch-up goes on from.</summary>
    public static async Task<GlobalPosition> RunAsync(NpgsqlDataSource dataSource, EventTypeRegistry registry, ProjectionTarget shadow,
        int batchSize, RebuildCounter counter, CancellationToken ct)
    {
        var horizon = await HorizonAsync(dataSource, ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // One batch waits while the writers apply theirs: whatever is in flight survives every collection meanwhile.
        var batches = Channel.CreateBounded<Streams>(new BoundedChannelOptions(1) { SingleWriter = true });
        var tasks = new List<Task> { ReadAsync(dataSource, registry, shadow, batchSize, batches.Writer, stop.Token) };
        tasks.AddRange(Enumerable.Range(0, Writers).Select(_ => ApplyAsync(dataSource, shadow, batches.Reader, counter, stop.Token)));
        // The first to fail stops the others; its error is the one to report, not their cancellations.
        var pending = tasks.ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            if (done.IsFaulted || done.IsCanceled)
            {
                await stop.CancelAsync();
                try
                {
                    await Task.WhenAll(pending);
                }
                catch (Exception)
                {
                    // Stopped because this one failed (or passed its error on through the channel).
                }
                await done;
            }
        }
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await ProjectionBatch.LockProgressAsync(connection, tx, shadow.ProgressName, ct);
            await ProjectionBatch.SaveProgressAsync(connection, tx, shadow.ProgressName, horizon, ct);
            await tx.CommitAsync(ct);
        }
        return horizon;
    }

    /// <summary>The last event below the oldest running transaction: every event up to it is committed.</summary>
    private static async Task<GlobalPosition> HorizonAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            select tx_id, seq from public.events
            where tx_id < pg_snapshot_xmin(pg_current_snapshot())
            order by tx_id desc, seq desc
            limit 1
            """);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new GlobalPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : GlobalPosition.Start;
    }

    /// <summary>
    /// Reads the log in (stream, version) order, <paramref name="batchSize"/> events at a time, cut between streams: the
    /// streams a read leaves unfinished are read again by the next. A stream longer than a batch is read whole, alone.
    /// </summary>
    private static async Task ReadAsync(NpgsqlDataSource dataSource, EventTypeRegistry registry, ProjectionTarget shadow, int batchSize,
        ChannelWriter<Streams> output, CancellationToken ct)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var types = shadow.StoredTypes.ToArray();
            string? after = null;
            while (true)
            {
                var rows = new List<ProjectionBatch.Row>(batchSize);
                await using (var cmd = new NpgsqlCommand(after is null
                    ? $"select {ProjectionBatch.Columns(typesParameter: 2)} from public.events order by stream_id, version limit $1"
                    : $"select {ProjectionBatch.Columns(typesParameter: 2)} from public.events where stream_id > $3 order by stream_id, version limit $1",
                    connection))
                {
                    cmd.Parameters.Add(new NpgsqlParameter { Value = batchSize });
                    cmd.Parameters.Add(new NpgsqlParameter { Value = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                    if (after is not null)
                    {
                        cmd.Parameters.Add(new NpgsqlParameter { Value = after });
                    }
                    await ProjectionBatch.ReadRowsAsync(cmd, rows, ct);
                }
                var last = rows.Count < batchSize;
                if (!last)
                {
                    // The last stream may go on past the limit.
                    var lastStream = rows[^1].StreamId;
                    var start = rows.FindIndex(r => r.StreamId == lastStream);
                    if (start > 0)
                    {
                        rows.RemoveRange(start, rows.Count - start);
                    }
                    else
                    {
                        rows.Clear();
                        await using var cmd = new NpgsqlCommand(
                            $"select {ProjectionBatch.Columns(typesParameter: 2)} from public.events where stream_id = $1 order by version", connection);
                        cmd.Parameters.Add(new NpgsqlParameter { Value = lastStream });
                        cmd.Parameters.Add(new NpgsqlParameter { Value = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                        await ProjectionBatch.ReadRowsAsync(cmd, rows, ct);
                    }
                    after = rows[^1].StreamId;
                }
                if (rows.Count > 0)
                {
                    CheckWhole(rows);
                    Decode(rows, registry);
                    await output.WriteAsync(new Streams(rows), ct);
                }
                if (last)
                {
                    break;
                }
            }
            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
            throw;
        }
    }

    /// <summary>Each stream must run from version 1 without a gap: the store appends versions contiguously.</summary>
    private static void CheckWhole(List<ProjectionBatch.Row> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = i > 0 && rows[i - 1].StreamId == rows[i].StreamId ? rows[i - 1].Version + 1 : 1;
            if (rows[i].Version != expected)
            {
                throw new InvalidOperationException(
                    $"stream '{rows[i].StreamId}' has version {rows[i].Version} where {expected} should be; cannot apply it in order");
            }
        }
    }

    private static void Decode(List<ProjectionBatch.Row> rows, EventTypeRegistry registry)
    {
        var metadata = new Dictionary<string, EventMetadata>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Data is null)
            {
                continue;
            }
            try
            {
                row.Event = ProjectionBatch.ToEvent(row, registry, metadata);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
            {
                throw new InvalidOperationException(
                    $"event {row.Seq} (stream '{row.StreamId}' version {row.Version}, type {row.Type}) cannot be read: {e.Message}", e);
            }
            row.Data = null;
        }
    }

    /// <summary>One writer: applies the batches it takes, each in a transaction of its own with its streams' versions.</summary>
    private static async Task ApplyAsync(NpgsqlDataSource dataSource, ProjectionTarget shadow, ChannelReader<Streams> input,
        RebuildCounter counter, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await foreach (var batch in input.ReadAllAsync(ct))
        {
            var rows = batch.Rows;
            await using var tx = await connection.BeginTransactionAsync(ct);
            // Nothing the fill commits outlives a crash usefully: the next rebuild starts over in a new shadow schema. The
            // swap commits durably, and with it the log up to there.
            await using (var asynchronous = new NpgsqlCommand("set local synchronous_commit = off", connection, tx))
            {
                await asynchronous.ExecuteNonQueryAsync(ct);
            }
            await ProjectionSchema.UseAsync(connection, tx, shadow.Schema, ct);
            var events = rows.Where(r => r.Projected).Select(r => r.Event!).ToList();
            if (events.Count > 0)
            {
                try
                {
                    await shadow.Projection.ApplyAsync(events, new ProjectionContext(connection, tx, shadow.Schema) { NewStreams = true }, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new InvalidOperationException(
                        $"rebuild of '{shadow.Projection.Name}' failed on streams '{rows[0].StreamId}' to '{rows[^1].StreamId}': {e.Message}", e);
                }
            }
            await using (var versions = await connection.BeginBinaryImportAsync(
                "copy es_stream_versions (stream_id, version) from stdin (format binary)", ct))
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    if (i == rows.Count - 1 || rows[i + 1].StreamId != rows[i].StreamId)
                    {
                        versions.StartRow();
                        versions.Write(rows[i].StreamId, NpgsqlDbType.Text);
                        versions.Write(rows[i].Version, NpgsqlDbType.Bigint);
                    }
                }
                await versions.CompleteAsync(ct);
            }
            await tx.CommitAsync(ct);
            counter.Add(rows.Count);
        }
    }
}
