using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Transparency.EventStore;

/// <summary>A projection bound to the schema and progress row it writes: the live ones, or a rebuild's.</summary>
internal sealed record ProjectionTarget(IProjection Projection, string Schema, string ProgressName, IReadOnlySet<string> StoredTypes)
{
    public static ProjectionTarget Live(IProjection projection, EventTypeRegistry registry) =>
        new(projection, ProjectionSchema.LiveName(projection.Name), projection.Name, StoredTypesOf(projection, registry));

    public static ProjectionTarget Shadow(IProjection projection, EventTypeRegistry registry) =>
        new(projection, ProjectionSchema.ShadowName(projection.Name), ProjectionSchema.ShadowProgressName(projection.Name),
            StoredTypesOf(projection, registry));

    private static HashSet<string> StoredTypesOf(IProjection projection, EventTypeRegistry registry) =>
        projection.EventTypes.SelectMany(registry.StoredNamesReadAs).ToHashSet(StringComparer.Ordinal);
}

/// <summary>What one batch did. <see cref="Read"/> is 0 when there is nothing to read now.</summary>
/// <param name="Waiting">Nothing was readable, but events are stored behind a transaction still running.</param>
internal sealed record BatchOutcome(int Read, int Applied, GlobalPosition Last, bool Waiting = false);

/// <summary>A projection's checkpoint row, locked for the rest of the transaction.</summary>
internal sealed record Progress(GlobalPosition Position, string State);

/// <summary>
/// One batch of one projection, inside a transaction the caller owns: read the next events in (tx_id, seq)
/// order below the oldest running transaction, apply them, move the checkpoint. Committing is the caller's.
/// </summary>
internal static class ProjectionBatch
{
    /// <summary>Set before the projection runs, so a failure can name the event it was given.</summary>
    internal sealed class Probe
    {
        public long? FirstSeq { get; set; }
    }

    internal sealed record Row(long Seq, ulong TxId, string StreamId, long Version, string Type, byte[]? Data, string? Metadata,
        DateTimeOffset RecordedAt)
    {
        public GlobalPosition Position => new(TxId, Seq);

        /// <summary>Whether the projection reads this event (its data was fetched), also once the data is decoded and dropped.</summary>
        public bool Projected { get; } = Data is not null;

        /// <summary>The stored UTF-8 JSON, until the event is decoded: a batch read ahead then holds events, not their text too.</summary>
        public byte[]? Data { get; set; } = Data;

        /// <summary>The event deserialized, once something has (the read-ahead, or the apply).</summary>
        public RecordedEvent? Event { get; set; }
    }

    /// <summary>The rows read after <see cref="After"/>; <see cref="Waiting"/> when none could be read but some are stored.</summary>
    internal sealed record ReadBatch(GlobalPosition After, List<Row> Rows, bool Waiting = false)
    {
        public GlobalPosition Last => Rows.Count > 0 ? Rows[^1].Position : After;
    }

    // Data is fetched only for the types the projection reads; the others still move the checkpoint and
    // the per-stream versions, so lag and gap detection count every event.
    // $<typesParameter> is the array of stored type names the projection reads (ProjectionTarget.StoredTypes).
    internal static string Columns(string alias = "", int typesParameter = 4) =>
        $"{alias}seq, {alias}tx_id, {alias}stream_id, {alias}version, {alias}type, " +
        $"case when {alias}type = any(${typesParameter}) then {alias}data end, {alias}metadata::text, {alias}recorded_at";

    /// <summary>Creates the progress row if missing and locks it: the live daemon and a rebuild's swap queue here.</summary>
    public static async Task<Progress> LockProgressAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string progressName,
        CancellationToken ct)
    {
        await using (var insert = new NpgsqlCommand("insert into projection_progress (name) values ($1) on conflict do nothing", connection, tx))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = progressName });
            await insert.ExecuteNonQueryAsync(ct);
        }
        await using var cmd = new NpgsqlCommand(
            "select last_tx_id, last_seq, state from projection_progress where name = $1 for update", connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = progressName });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Progress(new GlobalPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)), reader.GetString(2));
    }

    public static async Task SaveProgressAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string progressName,
        GlobalPosition position, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            update projection_progress
            set last_tx_id = $2, last_seq = $3, last_error = null, poison_seq = null, updated = now()
            where name = $1
            """, connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = progressName });
        PostgresEventStore.AddPosition(cmd.Parameters, position);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Reads and applies the batch after <paramref name="after"/>, and saves the new checkpoint.</summary>
    public static async Task<BatchOutcome> RunAsync(NpgsqlConnection connection, NpgsqlTransaction tx, ProjectionTarget target,
        EventTypeRegistry registry, GlobalPosition after, int limit, Probe probe, CancellationToken ct)
    {
        var batch = await ReadAsync(connection, tx, target, registry, after, limit, decode: false, ct);
        return await ApplyAsync(connection, tx, target, registry, batch, probe, ct);
    }

    /// <summary>
    /// The events after <paramref name="after"/> that can be read now, in (tx_id, seq) order below the oldest running
    /// transaction. Needs no transaction of its own: whichever connection reads, and whenever, no event can later
    /// appear between <paramref name="after"/> and the last one read (its transaction would be older than that
    /// oldest one), so a rebuild reads the next batch ahead on another connection while this one is applied.
    /// </summary>
    /// <param name="decode">Deserialize the events here (the read-ahead's share of the work); otherwise the apply does.</param>
    public static async Task<ReadBatch> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, ProjectionTarget target,
        EventTypeRegistry registry, GlobalPosition after, int limit, bool decode, CancellationToken ct)
    {
        var rows = new List<Row>(Math.Min(limit, 100_000));
        await using (var cmd = new NpgsqlCommand(
            $"select {Columns()} from public.events where {PostgresEventStore.VisibleAfterSql} order by tx_id, seq limit $3", connection, tx))
        {
            PostgresEventStore.AddPosition(cmd.Parameters, after);
            cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = target.StoredTypes.ToArray() });
            await ReadRowsAsync(cmd, rows, ct);
        }
        if (rows.Count == 0)
        {
            await using var pending = new NpgsqlCommand(
                "select exists (select 1 from public.events where (tx_id, seq) > ($1, $2))", connection, tx);
            PostgresEventStore.AddPosition(pending.Parameters, after);
            return new ReadBatch(after, rows, Waiting: await pending.ExecuteScalarAsync(ct) is true);
        }
        if (decode)
        {
            var metadata = new Dictionary<string, EventMetadata>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                try
                {
                    if (row.Data is not null)
                    {
                        row.Event ??= ToEvent(row, registry, metadata);
                        row.Data = null;
                    }
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
                {
                    // Left to the apply, which fails on it with the probe set, as a batch read there would.
                }
            }
        }
        return new ReadBatch(after, rows);
    }

    /// <summary>Applies a batch read by <see cref="ReadAsync"/> (in stream order where needed) and saves the new checkpoint.</summary>
    public static async Task<BatchOutcome> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, ProjectionTarget target,
        EventTypeRegistry registry, ReadBatch batch, Probe probe, CancellationToken ct)
    {
        var rows = batch.Rows;
        if (rows.Count == 0)
        {
            return new BatchOutcome(0, 0, batch.After, batch.Waiting);
        }
        await ProjectionSchema.UseAsync(connection, tx, target.Schema, ct);
        var ordered = target.Projection.StreamScoped
            ? await InStreamOrderAsync(connection, tx, rows, target.StoredTypes.ToArray(), ct)
            : rows;
        var data = ordered.Where(r => r.Projected).ToList();
        if (data.Count > 0)
        {
            probe.FirstSeq = data[0].Seq;
            var metadata = new Dictionary<string, EventMetadata>(StringComparer.Ordinal);
            var events = data.Select(r => r.Event ?? ToEvent(r, registry, metadata)).ToList();
            await target.Projection.ApplyAsync(events, new ProjectionContext(connection, tx, target.Schema), ct);
        }
        var last = rows[^1].Position;
        await SaveProgressAsync(connection, tx, target.ProgressName, last, ct);
        return new BatchOutcome(rows.Count, data.Count, last);
    }

    /// <summary>
    /// Puts a batch in stream version order. A transaction's id is taken when it first writes, not when it
    /// commits, so a transaction holding an older id can append a later version of a stream than one with a
    /// newer id: the reader then meets version n+1 before n. Whenever the next version of a stream is not
    /// the one in the batch, the stream's events up to the batch's last version for it are read from the
    /// stream itself. They are committed (the later version's transaction waited on the stream's row for
    /// them), and the versions recorded here make the reader skip them when it reaches them.
    /// </summary>
    private static async Task<List<Row>> InStreamOrderAsync(NpgsqlConnection connection, NpgsqlTransaction tx, List<Row> rows,
        string[] types, CancellationToken ct)
    {
        var streamIds = rows.Select(r => r.StreamId).Distinct(StringComparer.Ordinal).ToArray();
        var applied = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand(
            // One probe of the key per stream, whatever the planner thinks. With "= any($1)" PostgreSQL scanned the whole
            // table on every batch (its generic plan then compared each row with every array element: a rebuild's lookup of
            // 5,000 streams grew from 33 to 385 ms over 50,000 cases); with a join it hashes the whole table instead.
            // "limit 1" keeps the subquery from being flattened into such a join.
            """
            select s.stream_id, v.version
            from unnest($1::text[]) as s(stream_id)
            cross join lateral (select version from es_stream_versions v where v.stream_id = s.stream_id limit 1) v
            """, connection, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = streamIds });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                applied[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var plan = StreamOrder.Plan(rows.Select(r => (r.StreamId, r.Version)).ToList(), applied);
        var filled = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        if (plan.Gaps.Count > 0)
        {
            await using var cmd = new NpgsqlCommand($"""
                select {Columns("e.")}
                from public.events e
                join unnest($1::text[], $2::bigint[], $3::bigint[]) as g(stream_id, lo, hi)
                  on e.stream_id = g.stream_id and e.version > g.lo and e.version <= g.hi
                order by e.stream_id, e.version
                """, connection, tx);
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = plan.Gaps.Select(g => g.StreamId).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = plan.Gaps.Select(g => g.After).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = plan.Gaps.Select(g => g.Through).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = types });
            var fill = new List<Row>();
            await ReadRowsAsync(cmd, fill, ct);
            foreach (var group in fill.GroupBy(r => r.StreamId, StringComparer.Ordinal))
            {
                filled[group.Key] = group.ToList();
            }
            foreach (var gap in plan.Gaps)
            {
                var versions = filled.TryGetValue(gap.StreamId, out var got) ? got.Select(r => r.Version).ToList() : [];
                if (!StreamOrder.IsContiguous(versions, gap.After, gap.Through))
                {
                    throw new InvalidOperationException(
                        $"stream '{gap.StreamId}' has no contiguous versions {gap.After + 1}..{gap.Through}; cannot apply it in order");
                }
            }
        }

        var result = new List<Row>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            switch (plan.Steps[i])
            {
                case StreamOrder.Step.Apply:
                    result.Add(rows[i]);
                    break;
                case StreamOrder.Step.ApplyStreamFromStore:
                    result.AddRange(filled[rows[i].StreamId]);
                    break;
                case StreamOrder.Step.Skip:
                    break;
            }
        }

        if (plan.NewVersions.Count > 0)
        {
            await using var upsert = new NpgsqlCommand("""
                insert into es_stream_versions (stream_id, version)
                select * from unnest($1::text[], $2::bigint[])
                on conflict (stream_id) do update set version = excluded.version
                """, connection, tx);
            upsert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = plan.NewVersions.Keys.ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = plan.NewVersions.Values.ToArray() });
            await upsert.ExecuteNonQueryAsync(ct);
        }
        return result;
    }

    internal static async Task ReadRowsAsync(NpgsqlCommand cmd, List<Row> rows, CancellationToken ct)
    {
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new Row(reader.GetInt64(0), reader.GetFieldValue<ulong>(1), reader.GetString(2), reader.GetInt64(3),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<byte[]>(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }
    }

    /// <param name="metadata">Metadata already read in this batch: an append's events share theirs, so it is parsed once.</param>
    internal static RecordedEvent ToEvent(Row row, EventTypeRegistry registry, Dictionary<string, EventMetadata> metadata) =>
        new(row.Seq, row.TxId, row.StreamId, row.Version, row.Type, registry.Deserialize(row.Type, row.Data!),
            row.Metadata is null ? EventMetadata.None : MetadataOf(row.Metadata, metadata),
            row.RecordedAt);

    private static EventMetadata MetadataOf(string json, Dictionary<string, EventMetadata> seen)
    {
        if (!seen.TryGetValue(json, out var metadata))
        {
            metadata = JsonSerializer.Deserialize(json, MetadataJsonContext.Default.EventMetadata) ?? EventMetadata.None;
            seen[json] = metadata;
        }
        return metadata;
    }
}
