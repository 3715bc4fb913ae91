using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;

namespace Transparency.EventStore;

/// <summary>How full the store is and how far behind each projection is: for the admin CLI and /health.</summary>
/// <param name="EventCount">Null when not counted: counting scans the whole table, too slow for a health probe.</param>
public sealed record StoreStatistics(long? EventCount, long LastSeq, IReadOnlyList<ProjectionStatus> Projections)
{
    /// <summary>Indented camelCase JSON, e.g. <c>"eventCount": 120</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, StatisticsJsonContext.Default.StoreStatistics);

    public static async Task<StoreStatistics> ReadAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        await ReadAsync(dataSource, countEvents: true, ct);

    /// <param name="countEvents">Count every event (a full scan); without it only the last position is read (an index lookup).</param>
    public static async Task<StoreStatistics> ReadAsync(NpgsqlDataSource dataSource, bool countEvents, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        long? count;
        long last;
        await using (var cmd = new NpgsqlCommand(countEvents
            ? "select count(*), coalesce(max(seq), 0) from events"
            : "select null::bigint, coalesce(max(seq), 0) from events", connection))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (count, last) = (reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.GetInt64(1));
        }
        var projections = new List<ProjectionStatus>();
        await using (var cmd = new NpgsqlCommand("""
            select p.name, p.last_tx_id, p.last_seq, p.state, p.last_error, p.poison_seq, p.updated,
                   (select count(*) from events e where (e.tx_id, e.seq) > (p.last_tx_id, p.last_seq))
            from projection_progress p
            order by p.name
            """, connection))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                projections.Add(new ProjectionStatus(
                    reader.GetString(0),
                    new GlobalPosition(reader.GetFieldValue<ulong>(1), reader.GetInt64(2)).ToString(),
                    reader.GetInt64(7),
                    reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetInt64(5),
                    reader.GetFieldValue<DateTimeOffset>(6)));
            }
        }
        return new StoreStatistics(count, last, projections);
    }
}

/// <param name="Position">The checkpoint as a cursor (<see cref="GlobalPosition.ToString"/>).</param>
/// <param name="Lag">Events stored after the checkpoint, not yet applied.</param>
/// <param name="State">running, parked (stopped on <paramref name="PoisonSeq"/>) or rebuilding (a shadow rebuild in flight).</param>
public sealed record ProjectionStatus(string Name, string Position, long Lag, string State, string? LastError, long? PoisonSeq,
    DateTimeOffset Updated);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(StoreStatistics))]
internal sealed partial class StatisticsJsonContext : JsonSerializerContext;
