using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Transparency.EventStore;

/// <summary>Options of the store.</summary>
/// <param name="InlineProjections">Applied in the append's own transaction, for what must be read-your-write.</param>
/// <param name="Notify">Send <c>pg_notify('es_events')</c> from appends, so the daemon wakes at once.</param>
/// <param name="NotifyInterval">
/// At most one notifying append per interval from this store. A transaction that notifies holds a
/// database-wide lock from pre-commit to the end of its commit (WAL flush included), so notifying on every
/// append would serialise all commits; the daemon's short poll picks up what a skipped notification missed.
/// </param>
public sealed record EventStoreOptions(IReadOnlyList<IProjection>? InlineProjections = null, bool Notify = true,
    TimeSpan? NotifyInterval = null);

/// <summary>The event store on PostgreSQL: appends with expected versions and idempotency keys, and reads.</summary>
public sealed partial class PostgresEventStore
{
    /// <summary>The channel appends notify on.</summary>
    public const string NotificationChannel = "es_events";

    private const string AppendSql =
        "select o_stream_id, o_version, o_seq, o_tx_id, o_replayed from es_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

    [System.Text.RegularExpressions.GeneratedRegex(@"^stream (?<stream>.*) expected at version -?\d+ but is at version (?<actual>\d+)$",
        System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex StaleVersionPattern();

    private readonly NpgsqlDataSource _dataSource;
    private readonly EventTypeRegistry _registry;
    private readonly IReadOnlyList<IProjection> _inline;
    private readonly bool _notify;
    private readonly long _notifyIntervalTicks;
    private long _lastNotifyTicks = long.MinValue / 2;
    private readonly Lock _inlineSchemasLock = new();
    private Task? _inlineSchemas;

    public PostgresEventStore(NpgsqlDataSource dataSource, EventTypeRegistry registry, EventStoreOptions? options = null)
    {
        _dataSource = dataSource;
        _registry = registry;
        _inline = options?.InlineProjections ?? [];
        _notify = options?.Notify ?? true;
        _notifyIntervalTicks = (long)((options?.NotifyInterval ?? TimeSpan.FromMilliseconds(50)).TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        foreach (var projection in _inline)
        {
            ProjectionSchema.Validate(projection.Name);
        }
    }

    public EventTypeRegistry Registry => _registry;

    /// <summary>Appends <paramref name="events"/> to one stream in one transaction.</summary>
    /// <exception cref="ConcurrencyException">The stream is not at <paramref name="expected"/>.</exception>
    public async Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expected, IReadOnlyList<object> events,
        EventMetadata? metadata = null, CancellationToken ct = default) =>
        (await AppendAsync([new StreamAppend(streamId, expected, events)], metadata, ct))[0];

    /// <summary>Appends to several streams in one transaction: all or nothing. Results are in the order of <paramref name="appends"/>.</summary>
    /// <exception cref="ConcurrencyException">One of the streams is not at its expected version.</exception>
    public async Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StreamAppend> appends, EventMetadata? metadata = null,
        CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        if (_inline.Count == 0)
        {
            // No inline projection: the append is the whole transaction (one statement, or the bulk path's own).
            return await ExecuteAppendAsync(connection, null, appends, metadata, ct);
        }
        await using var tx = await connection.BeginTransactionAsync(ct);
        var results = await AppendAsync(appends, metadata, tx, ct);
        await tx.CommitAsync(ct);
        return results;
    }

    /// <summary>
    /// Appends inside the caller's transaction (and applies inline projections there); nothing is visible
    /// until the caller commits, and a rollback leaves no trace.
    /// </summary>
    public async Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StreamAppend> appends, EventMetadata? metadata,
        NpgsqlTransaction transaction, CancellationToken ct = default)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("the transaction is completed");
        if (_inline.Count == 0)
        {
            return await ExecuteAppendAsync(connection, transaction, appends, metadata, ct);
        }
        await EnsureInlineSchemasAsync(ct);
        // A savepoint keeps the caller's transaction usable when the append is refused.
        await transaction.SaveAsync("es_append", ct);
        var results = await ExecuteAppendAsync(connection, transaction, appends, metadata, ct, inline: true);
        await transaction.ReleaseAsync("es_append", ct);
        return results;
    }

    private async Task<IReadOnlyList<AppendResult>> ExecuteAppendAsync(NpgsqlConnection connection, NpgsqlTransaction? tx,
        IReadOnlyList<StreamAppend> appends, EventMetadata? metadata, CancellationToken ct, bool inline = false)
    {
        metadata ??= EventMetadata.None;
        var bulk = IsBulk(appends, metadata);
        // A bulk append serialises each event as it copies it, so the server parses while the client writes.
        var request = AppendRequest.Build(appends, metadata, _registry, serializeData: !bulk);
        var notify = ShouldNotify();
        var singleStream = !bulk && IsSingleStream(request, notify);
        List<AppendedRow> rows;
        try
        {
            if (bulk)
            {
                rows = await BulkAppendAsync(connection, tx, request, appends, notify, _registry, ct);
            }
            else
            {
                await using var cmd = singleStream ? SingleStreamCommand(connection, tx, request) : AppendCommand(connection, tx, request, notify);
                rows = new List<AppendedRow>(request.Types.Length);
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    rows.Add(new AppendedRow(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2),
                        reader.IsDBNull(3) ? 0 : reader.GetFieldValue<ulong>(3), !singleStream && reader.GetBoolean(4)));
                }
            }
        }
        catch (PostgresException e) when (e.SqlState == "ES409" && StaleVersionPattern().Match(e.MessageText) is { Success: true } stale)
        {
            // Read from the message: Npgsql redacts DETAIL unless the connection string says otherwise.
            var stream = stale.Groups["stream"].Value;
            throw new ConcurrencyException(stream, appends.First(a => a.StreamId == stream).Expected,
                long.Parse(stale.Groups["actual"].Value, System.Globalization.CultureInfo.InvariantCulture), e);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "events_stream_version")
        {
            // Only a writer bypassing the store can get here (every append path serialises a stream on its row);
            // still a stale version, never an overwrite.
            var append = appends.Count == 1 ? appends[0] : appends.FirstOrDefault(a => e.Detail?.Contains($"({a.StreamId},", StringComparison.Ordinal) == true) ?? appends[0];
            throw new ConcurrencyException(append.StreamId, append.Expected, await CurrentVersionAsync(append.StreamId, ct), e);
        }
        if (singleStream && rows.Count == 0)
        {
            // The stream row was not claimed: it is not at the expected version, and nothing was written.
            throw new ConcurrencyException(appends[0].StreamId, appends[0].Expected,
                await CurrentVersionAsync(connection, tx, appends[0].StreamId, ct));
        }

        var results = ResultsOf(appends, rows);

        if (inline && !results.Any(r => r.Replayed))
        {
            await ApplyInlineAsync(connection, tx!, request, rows, ct);
        }
        return results;
    }

    private static List<AppendResult> ResultsOf(IReadOnlyList<StreamAppend> appends,
        List<AppendedRow> rows)
    {
        if (appends.Count == 1 && rows.Count > 0)
        {
            // The common case, without the grouping: every row is this stream's, in version order.
            var positions = new long[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                positions[i] = rows[i].Seq;
            }
            return [new AppendResult(appends[0].StreamId, rows[^1].Version, positions, rows[0].Replayed)];
        }
        var byStream = rows.GroupBy(r => r.Stream, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return appends.Select(a => byStream.TryGetValue(a.StreamId, out var r)
                ? new AppendResult(a.StreamId, r.Max(x => x.Version), r.Select(x => x.Seq).ToList(), r[0].Replayed)
                : throw new InvalidOperationException($"the append returned no event for stream '{a.StreamId}'"))
            .ToList();
    }

    private static NpgsqlCommand AppendCommand(NpgsqlConnection connection, NpgsqlTransaction? tx, AppendRequest request, bool notify)
    {
        var cmd = new NpgsqlCommand(AppendSql, connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = request.StreamIds });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = request.StreamTypes });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = request.Expected });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = request.EventStreamIds });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, Value = request.EventStream });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, Value = request.EventOffset });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = request.Types });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, Value = request.Data });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, Value = request.Metadata });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)request.IdempotencyKey ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Boolean, Value = notify });
        return cmd;
    }

    /// <summary>True for the first append of each <see cref="EventStoreOptions.NotifyInterval"/>.</summary>
    private bool ShouldNotify()
    {
        if (!_notify)
        {
            return false;
        }
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _lastNotifyTicks);
        return now - last >= _notifyIntervalTicks && Interlocked.CompareExchange(ref _lastNotifyTicks, now, last) == last;
    }

    private async Task ApplyInlineAsync(NpgsqlConnection connection, NpgsqlTransaction tx, AppendRequest request,
        IReadOnlyList<AppendedRow> rows, CancellationToken ct)
    {
        // Every append path returns rows in seq order, which is the order of request.Types.
        var now = DateTimeOffset.UtcNow;
        var recorded = rows.Select((r, i) => new RecordedEvent(r.Seq, r.TxId, r.Stream, r.Version, request.Types[i],
            request.Events[i], request.MetadataRecord, now)).ToList();
        foreach (var projection in _inline)
        {
            var wanted = projection.EventTypes.SelectMany(_registry.StoredNamesReadAs).ToHashSet(StringComparer.Ordinal);
            var events = recorded.Where(e => wanted.Contains(e.Type)).ToList();
            if (events.Count == 0)
            {
                continue;
            }
            var schema = ProjectionSchema.LiveName(projection.Name);
            await ProjectionSchema.UseAsync(connection, tx, schema, ct);
            await projection.ApplyAsync(events, new ProjectionContext(connection, tx, schema), ct);
        }
        await using var reset = new NpgsqlCommand("set local search_path to default", connection, tx);
        await reset.ExecuteNonQueryAsync(ct);
    }

    private Task EnsureInlineSchemasAsync(CancellationToken ct)
    {
        // Created once, by one caller: concurrent "create schema if not exists" can still collide.
        Task task;
        lock (_inlineSchemasLock)
        {
            if (_inlineSchemas is null || _inlineSchemas.IsFaulted || _inlineSchemas.IsCanceled)
            {
                _inlineSchemas = CreateInlineSchemasAsync();
            }
            task = _inlineSchemas;
        }
        return task.WaitAsync(ct);
    }

    private async Task CreateInlineSchemasAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        foreach (var projection in _inline)
        {
            if (!await ProjectionSchema.EnsureLiveAsync(projection, connection, tx, CancellationToken.None))
            {
                throw new InvalidOperationException(
                    $"the tables of projection '{projection.Name}' were built for another version of it; rebuild it first (projections rebuild {projection.Name})");
            }
        }
        await tx.CommitAsync();
    }

    /// <summary>The stream's current version, 0 when it does not exist.</summary>
    public async Task<long> CurrentVersionAsync(string streamId, CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        return await CurrentVersionAsync(connection, null, streamId, ct);
    }

    /// <summary>The stream's version as <paramref name="tx"/> sees it (its own appends included).</summary>
    private static async Task<long> CurrentVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string streamId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select version from streams where id = $1", connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = streamId });
        return await cmd.ExecuteScalarAsync(ct) is long version ? version : 0;
    }
}

/// <summary>One event as an append path wrote it (or, <paramref name="Replayed"/>, as an earlier append with the same key did).</summary>
internal readonly record struct AppendedRow(string Stream, long Version, long Seq, ulong TxId, bool Replayed);

/// <summary>An append flattened into the arrays es_append takes.</summary>
internal sealed record AppendRequest(
    string[] StreamIds,
    string?[] StreamTypes,
    long[] Expected,
    string[] EventStreamIds,
    int[] EventStream,
    int[] EventOffset,
    string[] Types,
    string[] Data,
    string?[] Metadata,
    object[] Events,
    EventMetadata MetadataRecord,
    string? IdempotencyKey)
{
    /// <param name="serializeData">False leaves <see cref="Data"/> empty (the caller serialises); types are still checked.</param>
    public static AppendRequest Build(IReadOnlyList<StreamAppend> appends, EventMetadata metadata, EventTypeRegistry registry,
        bool serializeData = true)
    {
        if (appends.Count == 0)
        {
            throw new ArgumentException("nothing to append", nameof(appends));
        }
        var duplicate = appends.GroupBy(a => a.StreamId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"stream '{duplicate.Key}' appears twice in one append", nameof(appends));
        }
        var count = appends.Sum(a => a.Events.Count);
        var eventStreamIds = new string[count];
        var eventStream = new int[count];
        var eventOffset = new int[count];
        var types = new string[count];
        var data = new string[count];
        var events = new object[count];
        var i = 0;
        for (var s = 0; s < appends.Count; s++)
        {
            if (appends[s].Events.Count == 0)
            {
                throw new ArgumentException($"no events for stream '{appends[s].StreamId}'", nameof(appends));
            }
            var offset = 0;
            foreach (var @event in appends[s].Events)
            {
                if (serializeData)
                {
                    (types[i], data[i]) = registry.Serialize(@event);
                }
                else
                {
                    ArgumentNullException.ThrowIfNull(@event);
                    types[i] = registry.StoredNameOf(@event.GetType());
                }
                eventStreamIds[i] = appends[s].StreamId;
                eventStream[i] = s + 1;
                eventOffset[i] = ++offset;
                events[i] = @event;
                i++;
            }
        }
        var json = metadata == EventMetadata.None ? null : JsonSerializer.Serialize(metadata, MetadataJsonContext.Default.EventMetadata);
        var metadataColumn = new string?[count];
        Array.Fill(metadataColumn, json);
        return new AppendRequest(
            appends.Select(a => a.StreamId).ToArray(),
            appends.Select(a => a.StreamType).ToArray(),
            appends.Select(a => a.Expected.Value).ToArray(),
            eventStreamIds, eventStream, eventOffset, types, data, metadataColumn, events, metadata, metadata.IdempotencyKey);
    }
}
