using System.Text.Encodings.Web;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Transparency.EventStore;
using Transparency.Projections.CaseProgress;
using Transparency.Projections.Cases;
using Transparency.Projections.ChangeFeed;
using Transparency.Projections.Debtors;
using Transparency.Projections.Oversight;
using Transparency.Projections.RepairNotices;
using Transparency.Projections.Sanctions;

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

    public IReadOnlyCollection<Type> EventTypes { get; } = CaseEventTypes.All.Select(t => t.ClrType).ToList();

    public bool StreamScoped => true;

    public async Task CreateSchemaAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(CaseReadModelsSchema.Sql, context.Connection, context.Transaction);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task ApplyAsync(IReadOnlyList<RecordedEvent> events, ProjectionContext context, CancellationToken ct)
    {
        var streams = events.Select(e => e.StreamId).Distinct().ToArray();
        var known = await LoadAsync(context, streams, ct);
        var result = Project(known, events, masker);
        await WriteAsync(context, result, ct);
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

    private static async Task<Dictionary<string, PublicCase>> LoadAsync(ProjectionContext context, string[] streams, CancellationToken ct)
    {
        var known = new Dictionary<string, PublicCase>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand("select stream_id, state::text from public_cases where stream_id = any(@streams)",
            context.Connection, context.Transaction);
        cmd.Parameters.AddWithValue("streams", streams);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            known[reader.GetString(0)] = JsonSerializer.Deserialize(reader.GetString(1), ReadModelJsonContext.Default.PublicCase)
                ?? throw new JsonException("public_cases.state is null");
        }
        return known;
    }

    /// <summary>
    /// The writer: replaces every derived row of the touched cases and appends the changes, in
    /// one round trip inside the daemon's transaction (which also moves the checkpoint).
    /// </summary>
    private static async Task WriteAsync(ProjectionContext context, CaseBatchResult result, CancellationToken ct)
    {
        if (result.Cases.Count == 0)
        {
            return;
        }
        var ctx = ReadModelJson.Writer;
        var states = result.Cases;
        var caseNumbers = states.Select(s => s.CaseNumber).ToArray();
        await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);

        batch.BatchCommands.Add(Command("""
            insert into public_cases (stream_id, case_number, version, state)
            select x.stream_id, x.case_number, x.version, x.state
            from jsonb_to_recordset($1) as x(stream_id text, case_number text, version bigint, state jsonb)
            on conflict (stream_id) do update set case_number = excluded.case_number, version = excluded.version, state = excluded.state
            """, Json(StatesJson(states))));

        Replace(batch, "case_progress", caseNumbers,
            JsonSerializer.Serialize(states.Select(s => CaseProgressRow.From(s.StreamId, s.State)).ToList(), ctx.ListCaseProgressRow));
        Replace(batch, "case_parties", caseNumbers,
            JsonSerializer.Serialize(states.SelectMany(s => CaseParticipations.From(s.State)).ToList(), ctx.ListCaseParticipation));
        Replace(batch, "case_funds", caseNumbers,
            JsonSerializer.Serialize(states.SelectMany(s => s.State.Funds.Select((f, i) =>
                new FundsRow(s.CaseNumber, s.State.CourtCode, i, f.On, f.Direction, f.Amount))).ToList(), ctx.ListFundsRow));
        Replace(batch, "sanction_entries", caseNumbers,
            JsonSerializer.Serialize(states.SelectMany(s => SanctionEntries.From(s.State)).ToList(), ctx.ListSanctionEntry),
            SanctionColumns);
        Replace(batch, "repair_notices", caseNumbers,
            JsonSerializer.Serialize(states.SelectMany(s => RepairNotices.RepairNotices.From(s.State)).ToList(), ctx.ListRepairNotice));
        Replace(batch, "oversight_deadlines", caseNumbers,
            JsonSerializer.Serialize(states.SelectMany(s => OversightFlags.Deadlines(s.State).Select(d =>
                new OversightRow(s.CaseNumber, s.State.CourtCode, d.Flag.Code(), d.Subject, d.RaisedFrom, d.Until, d.Detail))).ToList(),
                ctx.ListOversightRow));

        if (result.Changes.Count > 0)
        {
            batch.BatchCommands.Add(Command("""
                insert into change_feed select * from jsonb_populate_recordset(null::change_feed, $1)
                on conflict (tx_id, seq) do nothing
                """, Json(JsonSerializer.Serialize(result.Changes.ToList(), ctx.ListChangeFeedRow))));
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    // The generated validity interval cannot be inserted, so this table names its columns.
    private const string SanctionColumns = """
        entry_id, case_number, court_code, sanction_id, kind, is_public, debtor_kind, debtor_name, debtor_public_id,
        debtor_key, ground, document_number, obligation, performance, listed_on, period_end, lifted_on, lift_reason,
        repair_notice_number, history
        """;

    private static void Replace(NpgsqlBatch batch, string table, string[] caseNumbers, string rowsJson, string columns = "*")
    {
        batch.BatchCommands.Add(Command($"delete from {table} where case_number = any($1)",
            new NpgsqlParameter { Value = caseNumbers, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text }));
        var insertColumns = columns == "*" ? "" : $"({columns})";
        batch.BatchCommands.Add(Command(
            $"insert into {table} {insertColumns} select {columns} from jsonb_populate_recordset(null::{table}, $1)", Json(rowsJson)));
    }

    private static string StatesJson(IReadOnlyList<StoredCase> states)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var s in states)
            {
                writer.WriteStartObject();
                writer.WriteString("stream_id", s.StreamId);
                writer.WriteString("case_number", s.CaseNumber);
                writer.WriteNumber("version", s.Version);
                writer.WritePropertyName("state");
                JsonSerializer.Serialize(writer, s.State, ReadModelJson.Writer.PublicCase);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static NpgsqlParameter Json(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static NpgsqlBatchCommand Command(string sql, NpgsqlParameter parameter)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(parameter);
        return command;
    }
}
