using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Npgsql;
using Transparency.Projections.Cases;
using Transparency.Projections.Identifiers;
using Transparency.Projections.ReadModels;
using Transparency.Projections.Sanctions;

namespace Transparency.Projections.Debtors;

/// <summary>One debtor across courts, as the view <c>debtor_profiles</c> sums it up.</summary>
public sealed record DebtorSummary(
    string DebtorKey, PartyKind Kind, string Name, string PublicId, long Cases, long Courts, long OpenCases, long Outstanding, long ActiveSanctions);

/// <summary>The basis of the credit check: every case and sanction of one debtor, in every court.</summary>
public sealed record DebtorProfile(DebtorSummary Summary, IReadOnlyList<CaseParticipation> Cases, IReadOnlyList<SanctionEntry> Sanctions);

public static class DebtorQueries
{
    /// <summary>The profile of the debtor with <paramref name="debtorKey"/>; null when no case names them as respondent.</summary>
    public static async Task<DebtorProfile?> ProfileAsync(NpgsqlDataSource dataSource, string debtorKey, string? schema = null,
        CancellationToken ct = default)
    {
        var s = schema ?? CaseReadModelsProjection.LiveSchema;
        var summary = await ReadAsync(dataSource, $"""select to_jsonb(p)::text from "{s}".debtor_profiles p where p.debtor_key = $1""",
            ReadModelJsonContext.Default.DebtorSummary, ct, debtorKey);
        if (summary.Count == 0)
        {
            return null;
        }
        var cases = await ReadAsync(dataSource, $"""
            select to_jsonb(c)::text from "{s}".case_parties c
            where c.debtor_key = $1 and c.role = 'Respondent' order by c.case_number
            """, ReadModelJsonContext.Default.CaseParticipation, ct, debtorKey);
        var sanctions = await SanctionQueries.HistoryAsync(dataSource, debtorKey, schema, ct);
        return new DebtorProfile(summary[0], cases, sanctions);
    }

    /// <summary>
    /// The debtors shown with this public ID (credit code, or masked resident ID) and name: how the
    /// national portal is searched. A masked ID and a name can, rarely, fit more than one person.
    /// </summary>
    public static async Task<IReadOnlyList<DebtorSummary>> FindAsync(NpgsqlDataSource dataSource, string publicId, string? name = null,
        string? schema = null, CancellationToken ct = default)
    {
        var s = schema ?? CaseReadModelsProjection.LiveSchema;
        return await ReadAsync(dataSource, $"""
            select to_jsonb(p)::text from "{s}".debtor_profiles p
            where p.debtor_key in (select c.debtor_key from "{s}".case_parties c
                                   where c.public_id = $1 and c.role = 'Respondent'
                                     and ($2::text is null or c.name = $2 or c.name = $3))
            order by p.debtor_key
            """, ReadModelJsonContext.Default.DebtorSummary, ct, publicId, (object?)name ?? DBNull.Value,
            name is null ? DBNull.Value : PersonName.Mask(name));
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlDataSource dataSource, string sql, JsonTypeInfo<T> info, CancellationToken ct,
        params object[] parameters)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(p is DBNull ? new NpgsqlParameter { Value = p, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text } : new NpgsqlParameter { Value = p });
        }
        var rows = new List<T>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(JsonSerializer.Deserialize(reader.GetString(0), info) ?? throw new JsonException("row is null"));
        }
        return rows;
    }
}
