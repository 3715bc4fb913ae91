using System.Text.Json;
using Npgsql;
using Transparency.Projections.ReadModels;

namespace Transparency.Projections.Sanctions;

/// <summary>Reads of the sanction entries, for the credit check and the sanction pages.</summary>
public static class SanctionQueries
{
    /// <summary>
    /// "Was this debtor on a public list on <paramref name="day"/>": the public entries whose
    /// validity interval [listed, lifted) contains the day. Exact for any past day, because lifting
    /// closes the interval instead of deleting the row.
    /// </summary>
    public static Task<IReadOnlyList<SanctionEntry>> InForceOnAsync(NpgsqlDataSource dataSource, string debtorKey, DateOnly day,
        string? schema = null, CancellationToken ct = default) =>
        ReadAsync(dataSource, $"""
            select (to_jsonb(s) - 'valid')::text from "{schema ?? CaseReadModelsProjection.LiveSchema}".sanction_entries s
            where s.debtor_key = $1 and s.is_public and s.valid @> $2::date
            order by s.listed_on, s.entry_id
            """, ct, debtorKey, day);

    /// <summary>Every public entry of one debtor, lifted ones included, oldest first: the history.</summary>
    public static Task<IReadOnlyList<SanctionEntry>> HistoryAsync(NpgsqlDataSource dataSource, string debtorKey,
        string? schema = null, CancellationToken ct = default) =>
        ReadAsync(dataSource, $"""
            select (to_jsonb(s) - 'valid')::text from "{schema ?? CaseReadModelsProjection.LiveSchema}".sanction_entries s
            where s.debtor_key = $1 and s.is_public
            order by s.listed_on, s.entry_id
            """, ct, debtorKey);

    private static async Task<IReadOnlyList<SanctionEntry>> ReadAsync(NpgsqlDataSource dataSource, string sql, CancellationToken ct,
        params object[] parameters)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        }
        var entries = new List<SanctionEntry>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries.Add(JsonSerializer.Deserialize(reader.GetString(0), ReadModelJsonContext.Default.SanctionEntry)
                ?? throw new JsonException("sanction entry is null"));
        }
        return entries;
    }
}
