using System.Text.Json;
using Npgsql;
using Transparency.Projections.ReadModels;

namespace Transparency.Projections.Oversight;

/// <summary>Reads of the oversight flags. The view <c>oversight_flags</c> answers for today; this answers for any day.</summary>
public static class OversightQueries
{
    /// <summary>The flags raised on <paramref name="day"/>, by court and case.</summary>
    public static async Task<IReadOnlyList<OversightRow>> RaisedOnAsync(NpgsqlDataSource dataSource, DateOnly day,
        string? courtCode = null, string? schema = null, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            select to_jsonb(d)::text from "{schema ?? CaseReadModelsProjection.LiveSchema}".oversight_deadlines d
            where d.raised_from <= $1 and (d.until is null or $1 <= d.until) and ($2::text is null or d.court_code = $2)
            order by d.court_code, d.case_number, d.flag, d.subject
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = day });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)courtCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var rows = new List<OversightRow>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(JsonSerializer.Deserialize(reader.GetString(0), ReadModelJsonContext.Default.OversightRow)
                ?? throw new JsonException("oversight row is null"));
        }
        return rows;
    }
}
