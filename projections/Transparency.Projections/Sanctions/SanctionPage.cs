using System.Globalization;
using System.Text.Json;
using Npgsql;
using Transparency.Projections.Cases;
using Transparency.Projections.ReadModels;

namespace Transparency.Projections.Sanctions;

/// <summary>Where a page of sanction entries ends: newest listing first, then entry id.</summary>
public readonly record struct SanctionCursor(DateOnly ListedOn, string EntryId)
{
    public override string ToString() => ListedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" + EntryId;

    public static bool TryParse(string? text, out SanctionCursor cursor)
    {
        cursor = default;
        var bar = text?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (bar <= 0 || !DateOnly.TryParseExact(text.AsSpan(0, bar), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }
        cursor = new SanctionCursor(day, text![(bar + 1)..]);
        return true;
    }
}

/// <summary>Which public sanction entries a page lists.</summary>
public sealed record SanctionFilter(string? CourtCode = null, SanctionKind? Kind = null, bool ActiveOnly = false);

public sealed record SanctionPage(IReadOnlyList<SanctionEntry> Entries, SanctionCursor? EndCursor, bool HasNextPage);

public static class SanctionPages
{
    /// <summary>
    /// One page of the public list, newest first, by keyset (no OFFSET: page 1,000 costs what page
    /// 1 costs). Exit bans are never listed.
    /// </summary>
    public static async Task<SanctionPage> PageAsync(NpgsqlDataSource dataSource, int first, SanctionCursor? after = null,
        SanctionFilter? filter = null, string? schema = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        filter ??= new SanctionFilter();
        await using var cmd = dataSource.CreateCommand($"""
            select (to_jsonb(s) - 'valid')::text from "{schema ?? CaseReadModelsProjection.LiveSchema}".sanction_entries s
            where s.is_public
              and ($1::date is null or (s.listed_on, s.entry_id) < ($1::date, $2::text))
              and ($3::text is null or s.court_code = $3)
              and ($4::text is null or s.kind = $4)
              and (not $5 or s.lifted_on is null)
            order by s.listed_on desc, s.entry_id desc
            limit $6
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = after is { } a ? a.ListedOn : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
        cmd.Parameters.Add(new NpgsqlParameter { Value = after is { } b ? b.EntryId : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.CourtCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Kind?.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = filter.ActiveOnly });
        cmd.Parameters.Add(new NpgsqlParameter { Value = first + 1 });
        var entries = new List<SanctionEntry>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries.Add(JsonSerializer.Deserialize(reader.GetString(0), ReadModelJsonContext.Default.SanctionEntry)
                ?? throw new JsonException("sanction entry is null"));
        }
        var hasNext = entries.Count > first;
        var page = entries.Take(first).ToList();
        return new SanctionPage(page, page.Count > 0 ? new SanctionCursor(page[^1].ListedOn, page[^1].EntryId) : null, hasNext);
    }
}
