using System.Text.RegularExpressions;
using Transparency.Projections.Identifiers;
using Transparency.Projections.ReadModels;
using Xunit.Abstractions;

namespace Transparency.Projections.Tests.ReadModels;

/// <summary>The public read models of 20,000 seeded cases, looked at whole: what they may never hold, and that a rebuild reproduces them.</summary>
public sealed partial class SeededReadModelsTests(SeededReadModels seeded, ITestOutputHelper output) : IClassFixture<SeededReadModels>
{
    private ReadModelsDatabase Db => seeded.Db;

    // Every 18-character window of 17 digits and a digit or X, overlapping ones included.
    [GeneratedRegex("(?=([0-9]{17}[0-9Xx]))")]
    private static partial Regex IdWindow();

    /// <summary>The public read-model schemas and every table and view in them, as the database lists them.</summary>
    private async Task<List<(string Schema, string Name, string Type)>> RelationsAsync() =>
        (await Db.RowsAsync("""
            select table_schema, table_name, table_type from information_schema.tables
            where table_schema like 'rm\_%' order by table_schema, table_name
            """))
        .Select(r => ((string)r["table_schema"]!, (string)r["table_name"]!, (string)r["table_type"]!))
        .ToList();

    /// <summary>
    /// The full resident IDs in <paramref name="text"/>: any window that is one of the generated IDs
    /// (even inside a longer run), or a standalone 18-character number whose check character is
    /// valid (not a piece of a longer run of digits and letters, such as a hex hash) and that is not
    /// an organisation's credit code, which is public and is sometimes all digits.
    /// </summary>
    internal static IEnumerable<string> FullIdsIn(string text, IReadOnlySet<string> known)
    {
        foreach (Match m in IdWindow().Matches(text))
        {
            var start = m.Index;
            var id = m.Groups[1].Value.ToUpperInvariant();
            var standalone = (start == 0 || !char.IsAsciiLetterOrDigit(text[start - 1]))
                && (start + 18 == text.Length || !char.IsAsciiLetterOrDigit(text[start + 18]));
            if (known.Contains(id)
                || (standalone && ResidentId.CheckCharacter(id.AsSpan(0, 17)) == id[17] && !UnifiedSocialCreditCode.TryParse(id, out _)))
            {
                yield return id;
            }
        }
    }

    [Fact]
    public void The_detector_finds_a_full_id_standalone_or_embedded_and_passes_masked_ones_and_hashes()
    {
        const string id = "510104198503127714";
        var known = new HashSet<string> { id };
        Assert.Equal([id], FullIdsIn($"{{\"id\": \"{id}\"}}", new HashSet<string>()));
        Assert.Equal([id], FullIdsIn($"p{id}9", known));
        Assert.Equal(["11010519491231002X"], FullIdsIn("(11010519491231002x)", new HashSet<string>()));
        Assert.Empty(FullIdsIn("\"5101041985****7714\"", known));
        // Wrong check character, not a generated ID: a number, not a leak.
        Assert.Empty(FullIdsIn("510104198503127715", known));
        Assert.Empty(FullIdsIn("person:ab510104198503127712cd", new HashSet<string>()));
        // A credit code of digits only whose last digit happens to pass the resident-ID check too.
        Assert.Equal('1', ResidentId.CheckCharacter("91410522367012710"));
        Assert.Empty(FullIdsIn("org:914105223670127101,", new HashSet<string>()));
    }

    [Fact]
    public async Task No_row_of_any_public_table_or_view_holds_a_full_resident_id()
    {
        Assert.True(seeded.FullResidentIds.Count > SeededReadModels.Cases, $"only {seeded.FullResidentIds.Count} full IDs were generated");
        var relations = await RelationsAsync();
        Assert.Contains(relations, r => r is ("rm_cases", "case_progress", "BASE TABLE"));
        Assert.Contains(relations, r => r is ("rm_cases", "oversight_flags", "VIEW"));

        var counts = new Dictionary<string, long>();
        var leaks = new List<string>();
        foreach (var (schema, name, _) in relations)
        {
            var relation = $"\"{schema}\".\"{name}\"";
            counts[relation] = await Db.ScalarAsync<long>($"select count(*) from {relation}");
            // Only rows with a run of 17 digits and a digit or X can hold an ID; the database narrows them down.
            foreach (var row in await Db.RowsAsync($"select x::text as row from {relation} x where x::text ~ '[0-9]{{17}}[0-9Xx]'"))
            {
                var text = (string)row["row"]!;
                // Reported masked: test output is a log too.
                leaks.AddRange(FullIdsIn(text, seeded.FullResidentIds).Select(id =>
                    $"{relation}: {ResidentIdMask(id)} in {text[..Math.Min(200, text.Length)].Replace(id, ResidentIdMask(id), StringComparison.OrdinalIgnoreCase)}"));
            }
        }

        output.WriteLine($"seeded {SeededReadModels.Cases:N0} cases, {seeded.Events:N0} events in {seeded.SeedTime.TotalSeconds:0.0} s; caught up in {seeded.CatchUpTime.TotalSeconds:0.0} s");
        foreach (var (relation, n) in counts)
        {
            output.WriteLine($"{relation}: {n:N0} rows");
        }
        output.WriteLine($"scanned {counts.Values.Sum():N0} rows in {counts.Count} tables and views");

        Assert.True(leaks.Count == 0, $"{leaks.Count} full resident IDs in the public read models:\n" + string.Join("\n", leaks.Take(20)));
        // Not vacuous: every case, its parties and its sanctions are there, and the people among them are there masked.
        Assert.Equal(SeededReadModels.Cases, counts["\"rm_cases\".\"case_progress\""]);
        Assert.True(counts["\"rm_cases\".\"case_parties\""] >= 2 * SeededReadModels.Cases);
        Assert.True(counts["\"rm_cases\".\"sanction_entries\""] >= SeededReadModels.Cases / 10);
        Assert.True(counts.Values.Sum() >= 10 * SeededReadModels.Cases, $"only {counts.Values.Sum():N0} rows were scanned");
        Assert.True(await Db.ScalarAsync<long>("select count(*) from rm_cases.case_parties where public_id ~ '^[0-9]{10}[*]{4}[0-9]{3}[0-9X]$'")
            >= SeededReadModels.Cases / 2);
    }

    private static string ResidentIdMask(string id) => string.Concat(id.AsSpan(0, 10), "****", id.AsSpan(14, 4));

    /// <summary>
    /// Every row of every table of the cases schema, as md5 of its text, sorted: the result to compare.
    /// Views are left out: they are queries over these tables, and the slowest part to read.
    /// </summary>
    private async Task<Dictionary<string, List<string>>> DumpAsync()
    {
        var dump = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (_, name, _) in (await RelationsAsync()).Where(r => r is { Schema: "rm_cases", Type: "BASE TABLE" }))
        {
            var rows = await Db.RowsAsync($"select md5(x::text) as h from \"{CaseReadModelsProjection.LiveSchema}\".\"{name}\" x order by 1");
            dump[name] = rows.Select(r => (string)r["h"]!).ToList();
        }
        return dump;
    }

    /// <summary>Every index and constraint of the cases schema, by definition.</summary>
    private async Task<List<string>> ShapeAsync()
    {
        var rows = await Db.RowsAsync("""
            select indexdef as d from pg_indexes where schemaname = 'rm_cases'
            union all
            select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
            where connamespace = 'rm_cases'::regnamespace
            order by 1
            """);
        return rows.Select(r => (string)r["d"]!).ToList();
    }

    [Fact]
    public async Task Rebuilding_from_the_events_gives_exactly_the_live_read_models()
    {
        const string table = "rm_cases.case_progress";
        var liveTable = await Db.ScalarAsync<uint>($"select '{table}'::regclass::oid");
        var live = await DumpAsync();
        var liveShape = await ShapeAsync();

        await seeded.Daemon.RebuildAsync(CaseReadModelsProjection.ProjectionName);

        // The rebuild fills bare tables (no keys, no indexes, no autovacuum) and restores them all before the swap.
        Assert.Equal(liveShape, await ShapeAsync());
        Assert.Equal(0L, await Db.ScalarAsync<long>(
            "select count(*) from pg_class where relnamespace = 'rm_cases'::regnamespace and reloptions is not null"));
        Assert.Equal(0L, await Db.ScalarAsync<long>(
            "select count(*) from pg_stat_user_tables where schemaname = 'rm_cases' and last_analyze is null"));

        // The rebuild swapped in new tables: the comparison is between two results, not one table with itself.
        Assert.NotEqual(liveTable, await Db.ScalarAsync<uint>($"select '{table}'::regclass::oid"));
        var rebuilt = await DumpAsync();
        Assert.Equal(live.Keys.Order(), rebuilt.Keys.Order());
        var differences = new List<string>();
        foreach (var (name, rows) in live)
        {
            var onlyLive = rows.Except(rebuilt[name]).ToList();
            var onlyRebuilt = rebuilt[name].Except(rows).ToList();
            if (rows.Count != rebuilt[name].Count || onlyLive.Count > 0 || onlyRebuilt.Count > 0)
            {
                var sample = onlyRebuilt.Count == 0 ? "" : (string)(await Db.RowsAsync(
                    $"select x::text as row from \"{CaseReadModelsProjection.LiveSchema}\".\"{name}\" x where md5(x::text) = $1", onlyRebuilt[0]))[0]["row"]!;
                differences.Add($"{name}: {rows.Count} live rows, {rebuilt[name].Count} rebuilt, {onlyLive.Count} only live, {onlyRebuilt.Count} only rebuilt; e.g. {sample[..Math.Min(300, sample.Length)]}");
            }
            output.WriteLine($"{name}: {rows.Count:N0} rows");
        }
        Assert.True(differences.Count == 0, "the rebuild differs from the live read models:\n" + string.Join("\n", differences));
        Assert.True(live.Values.Sum(r => r.Count) >= 10 * SeededReadModels.Cases);
        Assert.Equal("running", await Db.ScalarAsync<string>("select state from projection_progress where name = $1", CaseReadModelsProjection.ProjectionName));
    }
}
