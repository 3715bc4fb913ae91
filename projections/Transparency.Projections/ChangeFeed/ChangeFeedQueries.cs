using System.Globalization;
using Npgsql;
using Transparency.EventStore;
using Transparency.Projections.ReadModels;

namespace Transparency.Projections.ChangeFeed;

/// <summary>Reads of the change feed: everything after a cursor, in store order.</summary>
public static class ChangeFeedQueries
{
    public static async Task<IReadOnlyList<ChangeEntry>> AfterAsync(NpgsqlDataSource dataSource, GlobalPosition after, int limit,
        string? schema = null, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            select tx_id::text, seq, case_number, court_code, happened_on, milestone, summary, amount, subject
            from "{schema ?? CaseReadModelsProjection.LiveSchema}".change_feed
            where (tx_id, seq) > ($1::text::xid8, $2)
            order by tx_id, seq
            limit $3
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = after.TxId.ToString(CultureInfo.InvariantCulture) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = after.Seq });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        var entries = new List<ChangeEntry>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new ChangeEntry(
                new GlobalPosition(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1)),
                reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateOnly>(4), reader.GetString(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetInt64(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }
        return entries;
    }
}
