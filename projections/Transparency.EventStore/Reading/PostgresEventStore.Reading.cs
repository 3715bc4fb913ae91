using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Transparency.EventStore;

public sealed partial class PostgresEventStore
{
    internal const string EventColumns = "seq, tx_id, stream_id, version, type, data, metadata, recorded_at";

    // Only events of transactions older than every running one: nothing can still commit behind them,
    // so a reader moving forward in (tx_id, seq) order never skips an event (see DESIGN.md).
    internal const string VisibleAfterSql =
        "(tx_id, seq) > ($1, $2) and tx_id < pg_snapshot_xmin(pg_current_snapshot())";

    /// <summary>The events of one stream from <paramref name="fromVersion"/> on, in version order.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long fromVersion = 1, CancellationToken ct = default)
    {
        await using var cmd = _dataSource.CreateCommand(
            $"select {EventColumns} from events where stream_id = $1 and version >= $2 order by version");
        cmd.Parameters.Add(new NpgsqlParameter { Value = streamId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = fromVersion });
        return await ReadEventsAsync(cmd, _registry, ct);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> events after <paramref name="after"/> in commit-safe order: only events whose
    /// transaction is older than every running one, so paging on the last position returned never misses one.
    /// </summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(GlobalPosition after, int limit = 1000, CancellationToken ct = default)
    {
        await using var cmd = _dataSource.CreateCommand(
            $"select {EventColumns} from events where {VisibleAfterSql} order by tx_id, seq limit $3");
        AddPosition(cmd.Parameters, after);
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadEventsAsync(cmd, _registry, ct);
    }

    internal static void AddPosition(NpgsqlParameterCollection parameters, GlobalPosition position)
    {
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Xid8, Value = position.TxId });
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = position.Seq });
    }

    internal static async Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(NpgsqlCommand cmd, EventTypeRegistry registry,
        CancellationToken ct)
    {
        var events = new List<RecordedEvent>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            events.Add(ReadEvent(reader, registry));
        }
        return events;
    }

    /// <summary>Maps a row selected as <see cref="EventColumns"/>.</summary>
    internal static RecordedEvent ReadEvent(NpgsqlDataReader reader, EventTypeRegistry registry)
    {
        var type = reader.GetString(4);
        return new RecordedEvent(
            Seq: reader.GetInt64(0),
            TxId: reader.GetFieldValue<ulong>(1),
            StreamId: reader.GetString(2),
            Version: reader.GetInt64(3),
            Type: type,
            Data: registry.Deserialize(type, reader.GetFieldValue<byte[]>(5)),
            Metadata: reader.IsDBNull(6)
                ? EventMetadata.None
                : JsonSerializer.Deserialize(reader.GetString(6), MetadataJsonContext.Default.EventMetadata) ?? EventMetadata.None,
            RecordedAt: reader.GetFieldValue<DateTimeOffset>(7));
    }
}
