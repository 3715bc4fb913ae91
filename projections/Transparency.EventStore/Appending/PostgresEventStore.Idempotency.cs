using Npgsql;

namespace Transparency.EventStore;

public sealed partial class PostgresEventStore
{
    /// <summary>
    /// The result an earlier append with <paramref name="idempotencyKey"/> recorded, as a replay (nothing is
    /// appended); null when no committed append used the key. Lets a writer that decides before appending
    /// answer a retry before deciding again on a state that already holds the retried events.
    /// </summary>
    public async Task<IReadOnlyList<AppendResult>?> FindIdempotentAppendAsync(string idempotencyKey, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        // The same rows es_append answers a repeated key with. An append in flight has not committed its
        // key row yet, so it is not seen here; es_append itself then waits for it and replays.
        await using var cmd = _dataSource.CreateCommand("""
            select r.s, r.v, r.q
            from idempotency_keys k, unnest(k.stream_ids, k.versions, k.seqs) as r(s, v, q)
            where k.key = $1
            order by r.q
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = idempotencyKey });
        var rows = new List<(string Stream, long Version, long Seq)>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
            }
        }
        if (rows.Count == 0)
        {
            return null;
        }
        return rows.GroupBy(r => r.Stream, StringComparer.Ordinal)
            .Select(g => new AppendResult(g.Key, g.Max(r => r.Version), g.Select(r => r.Seq).ToList(), Replayed: true))
            .ToList();
    }
}
