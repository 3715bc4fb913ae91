using System.Text.Json;
using Npgsql;
using Transparency.Projections.ReadModels;
using Transparency.Projections.RepairNotices;

namespace Transparency.Projections.Sanctions;

/// <summary>
/// What a counterparty asks before transacting: was this debtor on a public list (失信, 限制消费)
/// on <see cref="Day"/>, and which listings of theirs were repaired. Exact for any past day.
/// </summary>
public sealed record CreditCheck(string DebtorKey, DateOnly Day, IReadOnlyList<SanctionEntry> InForce, IReadOnlyList<RepairNotice> Repairs)
{
    public bool IsListed => InForce.Any(e => e.Kind == Cases.SanctionKind.DishonestList);

    public bool IsRestricted => InForce.Any(e => e.Kind == Cases.SanctionKind.ConsumptionRestriction);
}

public static class CreditChecks
{
    public static async Task<CreditCheck> CheckAsync(NpgsqlDataSource dataSource, string debtorKey, DateOnly day, string? schema = null,
        CancellationToken ct = default)
    {
        var inForce = await SanctionQueries.InForceOnAsync(dataSource, debtorKey, day, schema, ct);
        await using var cmd = dataSource.CreateCommand($"""
            select to_jsonb(r)::text from "{schema ?? CaseReadModelsProjection.LiveSchema}".repair_notices r
            where r.debtor_key = $1 and r.published_on <= $2 order by r.published_on, r.notice_number
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = debtorKey });
        cmd.Parameters.Add(new NpgsqlParameter { Value = day });
        var repairs = new List<RepairNotice>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            repairs.Add(JsonSerializer.Deserialize(reader.GetString(0), ReadModelJsonContext.Default.RepairNotice)
                ?? throw new JsonException("repair notice is null"));
        }
        return new CreditCheck(debtorKey, day, inForce, repairs);
    }
}
