using System.Text.Json;
using Npgsql;
using Transparency.Projections.ReadModels;

namespace Transparency.Projections.CaseProgress;

/// <summary>A case page as of today: the stored row plus what today's date decides.</summary>
public sealed record CaseProgressNow(CaseProgressRow Progress, int DaysSinceFiling, DeadlineStatus DeadlineStatus);

public static class CaseProgressQueries
{
    public static async Task<CaseProgressNow?> FindAsync(NpgsqlDataSource dataSource, string caseNumber, string? schema = null,
        CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            select to_json(p)::text, p.days_since_filing, p.deadline_status
            from "{schema ?? CaseReadModelsProjection.LiveSchema}".case_progress_now p where p.case_number = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = caseNumber });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        var row = JsonSerializer.Deserialize(reader.GetString(0), ReadModelJsonContext.Default.CaseProgressRow)
            ?? throw new JsonException("case progress row is null");
        return new CaseProgressNow(row, reader.GetInt32(1), Enum.Parse<DeadlineStatus>(reader.GetString(2)));
    }
}
