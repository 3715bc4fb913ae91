using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using Transparency.EventStore;
using Transparency.Projections.CaseProgress;
using Transparency.Projections.Cases;
using Transparency.Projections.ChangeFeed;

namespace Transparency.Projections.ReadModels;

/// <summary>A case's folded public state as stored, keyed by its stream.</summary>
public sealed record StoredCase(string StreamId, string CaseNumber, long Version, PublicCase State);

/// <summary>What one batch of events does to the read models: the cases it touched and the public changes it made.</summary>
public sealed record CaseBatchResult(IReadOnlyList<StoredCase> Cases, IReadOnlyList<ChangeFeedRow> Changes);

/// <summary>
/// The public read models of enforcement cases, as one stream-scoped projection in schema
/// <c>rm_cases</c>: case progress, parties (debtor profiles), funds (court statistics),
/// sanction entries with validity intervals, repair notices, oversight deadlines and the change
/// feed. They are rebuilt and swapped together, so they always agree with each other.
/// </summary>
public sealed class CaseReadModelsProjection(PartyMasker masker) : IProjection
{
    public const string ProjectionName = "cases";

    /// <summary>The schema readers query.</summary>
    public static string LiveSchema { get; } = ProjectionSchema.LiveName(ProjectionName);

    public string Name => ProjectionName;

    /// <summary>The tables' SQL and the format of what they store: a change to either rebuilds the read models on start.</summary>
    public string SchemaVersion { get; } =
        $"{StoredFormat}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CaseReadModelsSchema.Sql)))[..16]}";

    // Raise with any change to what the columns hold that leaves the SQL as it was (the state's JSON, a list's shape).
    // 2: the state as UTF-8 bytes without the lists case_progress holds, and those lists as json.
    private const int StoredFormat = 2;

    public IReadOnlyCollection<Type> EventTypes { get; } = CaseEventTypes.All.Select(t => t.ClrType).ToList();

    public bool StreamScoped => true;

    /// <summary>New streams are written by COPY alone (see <see cref="CaseReadModelsWriter"/>).</summary>
    public bool InsertsOnlyForNewStreams => true;

    /// <summary>The readers' indexes; the writer finds rows by the primary keys and by <c>sanction_entries_case</c>.</summary>
    public IReadOnlyCollection<string> IndexesBuiltAfterRebuild { get; } =
    [
        "case_progress_court_filed", "case_parties_debtor", "case_parties_public_id", "case_funds_court_month",
        "sanction_entries_debtor", "sanction_entries_public_id", "sanction_entries_page",
        "sanction_entries_court_listings", "repair_notices_published", "repair_notices_debtor", "oversight_deadlines_raised",
    ];

    public async Task CreateSchemaAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(CaseReadModelsSchema.Sql, context.Connection, context.Transaction);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task ApplyAsync(IReadOnlyList<RecordedEvent> events, ProjectionContext context, CancellationToken ct)
    {
        var known = context.NewStreams
            ? new Dictionary<string, PublicCase>()
            : await LoadAsync(context, events.Select(e => e.StreamId).Distinct().ToArray(), ct);
        var result = Project(known, events, masker);
        await CaseReadModelsWriter.WriteAsync(context, result, known, ct);
    }

    /// <summary>
    /// The pure part: folds each event into its case, in the order given (the daemon gives each
    /// stream in version order). An event at or below the stored version was applied already and
    /// changes nothing, so replaying a batch is harmless.
    /// </summary>
    public static CaseBatchResult Project(IReadOnlyDictionary<string, PublicCase> known, IReadOnlyList<RecordedEvent> events, PartyMasker masker)
    {
        var cases = new Dictionary<string, PublicCase>(StringComparer.Ordinal);
        var changes = new List<ChangeFeedRow>();
        foreach (var e in events)
        {
            if (e.Data is not ICaseEvent caseEvent)
            {
                continue;
            }
            var before = cases.GetValueOrDefault(e.StreamId) ?? known.GetValueOrDefault(e.StreamId) ?? new PublicCase();
            if (e.Version <= before.Version)
            {
                continue;
            }
            var after = PublicCaseProjection.Apply(before, caseEvent, masker);
            cases[e.StreamId] = after;
            if (ChangeEntries.Between(before, after, e.Position) is { } c)
            {
                changes.Add(new ChangeFeedRow(c.Position.TxId, c.Position.Seq, c.CaseNumber, c.CourtCode, c.On, c.Milestone,
                    c.Summary, c.Amount, c.Subject));
            }
        }
        return new CaseBatchResult(cases.Select(kv => new StoredCase(kv.Key, kv.Value.CaseNumber, kv.Value.Version, kv.Value)).ToList(), changes);
    }

    /// <summary>The stored state of each stream that has one, with the lists it shares with <c>case_progress</c> read from there.</summary>
    private static async Task<Dictionary<string, PublicCase>> LoadAsync(ProjectionContext context, string[] streams, CancellationToken ct)
    {
        var known = new Dictionary<string, PublicCase>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand("""
            select s.stream_id, c.state, p.parties, p.timeline, p.seizures
            from unnest(@streams::text[]) as s(stream_id)
            -- One probe of the key per stream: "limit 1" keeps the planner from scanning the table whole (see ProjectionBatch).
            cross join lateral (select state, case_number from public_cases c where c.stream_id = s.stream_id limit 1) c
            left join lateral (select parties, timeline, seizures from case_progress p where p.case_number = c.case_number limit 1) p on true
            """,
            context.Connection, context.Transaction);
        cmd.Parameters.AddWithValue("streams", streams);
        var json = ReadModelJsonContext.Default;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var state = JsonSerializer.Deserialize(reader.GetFieldValue<byte[]>(1), ReadModelJson.StoredState)
                ?? throw new JsonException("public_cases.state is null");
            if (reader.IsDBNull(2))
            {
                // Both rows are written in one transaction, so this is damage from outside: folding on without the
                // lists would silently drop them. Rebuilding the projection writes both again from the events.
                throw new InvalidOperationException(
                    $"stream '{reader.GetString(0)}' has a stored state but no case_progress row for case {state.CaseNumber}; rebuild projection '{ProjectionName}'");
            }
            known[reader.GetString(0)] = state with
            {
                Parties = JsonSerializer.Deserialize(reader.GetFieldValue<byte[]>(2), json.IReadOnlyListPublicParty) ?? [],
                Timeline = JsonSerializer.Deserialize(reader.GetFieldValue<byte[]>(3), json.IReadOnlyListTimelineEntry) ?? [],
                Seizures = JsonSerializer.Deserialize(reader.GetFieldValue<byte[]>(4), json.IReadOnlyListPublicSeizure) ?? [],
            };
        }
        return known;
    }
}
