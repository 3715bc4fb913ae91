using Npgsql;
using NpgsqlTypes;

namespace Transparency.EventStore;

public sealed partial class PostgresEventStore
{
    /// <summary>From this many events an append without an idempotency key is written with binary COPY.</summary>
    internal const int BulkThreshold = 256;

    // Bulk loads (a court's backfill, the demo seed) spend most of es_append's time in the executor's
    // per-row insert; COPY writes the same rows at about twice the rate. The checks stay the same: the
    // stream rows are claimed first (in id order, so concurrent bulk appends cannot deadlock), a stale
    // expected version rolls everything back, and the positions are drawn from the events sequence
    // before the rows are copied, in event order, so the result still names every event's position.
    private const string ClaimStreamsSql = """
        insert into streams as t (id, type, version)
        select s.id, s.type, s.n
        from unnest($1::text[], $2::text[], $3::bigint[]) as s(id, type, n)
        order by s.id
        on conflict (id) do update set version = t.version + excluded.version, updated = now()
        returning t.id, t.version
        """;

    // events_seq_seq is the identity sequence 0001_events.sql creates for events.seq. Named as a literal it is
    // resolved once, at parse time; pg_get_serial_sequence would be evaluated per row, at 5 × the cost.
    private const string DrawPositionsSql = "select nextval('events_seq_seq') from generate_series(1, $1)";

    private static bool IsBulk(IReadOnlyList<StreamAppend> appends, EventMetadata metadata)
    {
        if (metadata.IdempotencyKey is not null)
        {
            return false;
        }
        var count = 0;
        foreach (var append in appends)
        {
            count += append.Events.Count;
        }
        return count >= BulkThreshold;
    }

    /// <summary>
    /// Writes <paramref name="request"/> with COPY inside <paramref name="tx"/> (under a savepoint) or a
    /// transaction of its own; returns the rows es_append would return, in event order.
    /// </summary>
    private static async Task<List<AppendedRow>> BulkAppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, AppendRequest request, IReadOnlyList<StreamAppend> appends,
        bool notify, EventTypeRegistry registry, CancellationToken ct)
    {
        await using var own = tx is null ? await connection.BeginTransactionAsync(ct) : null;
        if (tx is not null)
        {
            await tx.SaveAsync("es_bulk_append", ct);
        }
        var within = tx ?? own!;
        try
        {
            var (bases, positions, txId) = await ClaimAsync(connection, within, request, appends, notify, ct);
            var rows = new List<AppendedRow>(request.Types.Length);
            await using (var importer = await connection.BeginBinaryImportAsync(
                "copy events (seq, stream_id, version, type, data, metadata) from stdin (format binary)", ct))
            {
                // Synchronous writes: COPY from .NET is bound by the client, and async writes cost a third more
                // per row. They block only while a full buffer goes to the socket. Each event is serialised as
                // it is copied, so the server parses the rows before while the client writes the next.
                for (var i = 0; i < request.Types.Length; i++)
                {
                    var version = bases[request.EventStream[i] - 1] + request.EventOffset[i];
                    importer.StartRow();
                    importer.Write(positions[i], NpgsqlDbType.Bigint);
                    importer.Write(request.EventStreamIds[i], NpgsqlDbType.Text);
                    importer.Write(version, NpgsqlDbType.Bigint);
                    importer.Write(request.Types[i], NpgsqlDbType.Text);
                    importer.Write(registry.Serialize(request.Events[i]).Json, NpgsqlDbType.Jsonb);
                    if (request.Metadata[i] is { } metadata)
                    {
                        importer.Write(metadata, NpgsqlDbType.Jsonb);
                    }
                    else
                    {
                        importer.WriteNull();
                    }
                    rows.Add(new AppendedRow(request.EventStreamIds[i], version, positions[i], txId, Replayed: false));
                }
                await importer.CompleteAsync(ct);
            }
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
            else
            {
                await tx!.ReleaseAsync("es_bulk_append", ct);
            }
            return rows;
        }
        catch when (tx is not null && !connection.FullState.HasFlag(System.Data.ConnectionState.Broken))
        {
            await tx.RollbackAsync("es_bulk_append", CancellationToken.None);
            throw;
        }
    }

    /// <summary>Claims every stream at its expected version, draws the positions and learns the transaction id, in one round trip.</summary>
    private static async Task<(long[] Bases, long[] Positions, ulong TxId)> ClaimAsync(NpgsqlConnection connection,
        NpgsqlTransaction tx, AppendRequest request, IReadOnlyList<StreamAppend> appends, bool notify, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, tx);
        var claim = new NpgsqlBatchCommand(ClaimStreamsSql);
        claim.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = request.StreamIds });
        claim.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = request.StreamTypes });
        claim.Parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint,
            Value = appends.Select(a => (long)a.Events.Count).ToArray(),
        });
        batch.BatchCommands.Add(claim);
        var draw = new NpgsqlBatchCommand(DrawPositionsSql);
        draw.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = request.Types.Length });
        batch.BatchCommands.Add(draw);
        // Delivered only if this transaction commits: wakes the projection daemon at once.
        batch.BatchCommands.Add(new NpgsqlBatchCommand(notify
            ? $"select pg_current_xact_id(), pg_notify('{NotificationChannel}', '')"
            : "select pg_current_xact_id()"));

        var versions = new Dictionary<string, long>(request.StreamIds.Length, StringComparer.Ordinal);
        var positions = new long[request.Types.Length];
        ulong txId;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                versions[reader.GetString(0)] = reader.GetInt64(1);
            }
            await reader.NextResultAsync(ct);
            for (var i = 0; await reader.ReadAsync(ct); i++)
            {
                positions[i] = reader.GetInt64(0);
            }
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            txId = reader.GetFieldValue<ulong>(0);
        }

        var bases = new long[appends.Count];
        for (var s = 0; s < appends.Count; s++)
        {
            bases[s] = versions[appends[s].StreamId] - appends[s].Events.Count;
            var expected = appends[s].Expected;
            if (expected.Value >= 0 && expected.Value != bases[s])
            {
                throw new ConcurrencyException(appends[s].StreamId, expected, bases[s]);
            }
        }
        return (bases, positions, txId);
    }
}

