using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Npgsql;
using NpgsqlTypes;
using Transparency.EventStore;
using Transparency.Projections.CaseProgress;
using Transparency.Projections.Cases;
using Transparency.Projections.Debtors;
using Transparency.Projections.Oversight;
using Transparency.Projections.RepairNotices;
using Transparency.Projections.Sanctions;

namespace Transparency.Projections.ReadModels;

/// <summary>
/// Turns what a batch did (<see cref="CaseBatchResult"/>) into rows, inside the daemon's (or the
/// append's) transaction, which also moves the checkpoint. Every derived row of a touched case is
/// replaced: the rows of the cases stored before the batch are deleted, then the rows of every
/// touched case are written. A small batch (an inline append, a live batch caught up) goes as one
/// round trip of statements over JSON; a large one (catch-up, rebuild) as binary COPY, which is
/// several times cheaper per row for the server. Both write the same values to the same columns.
/// </summary>
internal static class CaseReadModelsWriter
{
    /// <summary>From this many touched cases on, rows go by COPY: below it, a COPY's two round trips per table cost more than they save.</summary>
    public const int CopyFromCases = 48;

    /// <summary>
    /// Writes the batch's rows. New streams (a rebuild's) always go by COPY, which only inserts: their tables may have no
    /// unique index yet for the statements' <c>on conflict</c> (see <see cref="IProjection.InsertsOnlyForNewStreams"/>).
    /// </summary>
    public static Task WriteAsync(ProjectionContext context, CaseBatchResult result, IReadOnlyDictionary<string, PublicCase> stored,
        CancellationToken ct) =>
        result.Cases.Count == 0 ? Task.CompletedTask
        : result.Cases.Count >= CopyFromCases || context.NewStreams ? CopyAsync(context, result, stored, ct)
        : StatementsAsync(context, result, ct);

    // The generated validity interval cannot be inserted, so this table names its columns.
    private const string SanctionColumns = """
        entry_id, case_number, court_code, sanction_id, kind, is_public, debtor_kind, debtor_name, debtor_public_id,
        debtor_key, ground, document_number, obligation, performance, listed_on, period_end, lifted_on, lift_reason,
        repair_notice_number, history
        """;

    private static IEnumerable<FundsRow> Funds(StoredCase s) =>
        s.State.Funds.Select((f, i) => new FundsRow(s.CaseNumber, s.State.CourtCode, i, f.On, f.Direction, f.Amount));

    private static IEnumerable<OversightRow> Oversight(StoredCase s) =>
        OversightFlags.Deadlines(s.State).Select(d =>
            new OversightRow(s.CaseNumber, s.State.CourtCode, d.Flag.Code(), d.Subject, d.RaisedFrom, d.Until, d.Detail));

    // ---- binary COPY ----

    private static async Task CopyAsync(ProjectionContext context, CaseBatchResult result, IReadOnlyDictionary<string, PublicCase> stored,
        CancellationToken ct)
    {
        var connection = context.Connection;
        var cases = result.Cases;
        // Rows exist only for cases whose state was stored: the state and its rows are always written together.
        var replaced = cases.Where(s => stored.ContainsKey(s.StreamId)).ToList();
        if (replaced.Count > 0)
        {
            var numbers = replaced.Select(s => stored[s.StreamId].CaseNumber).Concat(replaced.Select(s => s.CaseNumber))
                .Distinct(StringComparer.Ordinal).ToArray();
            await using var batch = new NpgsqlBatch(connection, context.Transaction);
            var streamIds = replaced.Select(s => s.StreamId).ToArray();
            batch.BatchCommands.Add(Command(DeleteSql("public_cases", "stream_id"), TextArray(streamIds)));
            foreach (var table in DerivedTables)
            {
                batch.BatchCommands.Add(Command(DeleteSql(table, "case_number"), TextArray(numbers)));
            }
            await batch.ExecuteNonQueryAsync(ct);
        }

        var json = JsonRows.Instance;
        using var utf8 = new Utf8Json();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy public_cases (stream_id, case_number, version, state) from stdin (format binary)", ct))
        {
            foreach (var s in cases)
            {
                copy.StartRow();
                copy.Write(s.StreamId, NpgsqlDbType.Text);
                copy.Write(s.CaseNumber, NpgsqlDbType.Text);
                copy.Write(s.Version, NpgsqlDbType.Bigint);
                copy.Write(utf8.Of(s.State, ReadModelJson.StoredState), NpgsqlDbType.Bytea);
            }
            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("""
            copy case_progress (case_number, stream_id, court_code, filed_on, stage, non_litigation, deadline, suspended_since, closed_on,
                conclusion_method, amount_claimed, received, disbursed, outstanding, active_seized_value, officer_name, basis_case_number,
                basis_issuing_body, earlier_case_number, parties, timeline, active_seizures, seizures, sanctions, milestone_deadlines, version)
            from stdin (format binary)
            """, ct))
        {
            foreach (var s in cases)
            {
                var r = CaseProgressRow.From(s.StreamId, s.State);
                copy.StartRow();
                copy.Write(r.CaseNumber, NpgsqlDbType.Text);
                copy.Write(r.StreamId, NpgsqlDbType.Text);
                copy.Write(r.CourtCode, NpgsqlDbType.Text);
                copy.Write(r.FiledOn, NpgsqlDbType.Date);
                copy.Write(r.Stage.ToString(), NpgsqlDbType.Text);
                copy.Write(r.NonLitigation, NpgsqlDbType.Boolean);
                copy.Write(r.Deadline, NpgsqlDbType.Date);
                Date(copy, r.SuspendedSince);
                Date(copy, r.ClosedOn);
                Text(copy, r.ConclusionMethod?.ToString());
                copy.Write(r.AmountClaimed, NpgsqlDbType.Bigint);
                copy.Write(r.Received, NpgsqlDbType.Bigint);
                copy.Write(r.Disbursed, NpgsqlDbType.Bigint);
                copy.Write(r.Outstanding, NpgsqlDbType.Bigint);
                copy.Write(r.ActiveSeizedValue, NpgsqlDbType.Bigint);
                Text(copy, r.OfficerName);
                Text(copy, r.BasisCaseNumber);
                Text(copy, r.BasisIssuingBody);
                Text(copy, r.EarlierCaseNumber);
                copy.Write(utf8.Of(r.Parties, json.Parties), NpgsqlDbType.Json);
                copy.Write(utf8.Of(r.Timeline, json.Timeline), NpgsqlDbType.Json);
                copy.Write(utf8.Of(r.ActiveSeizures, json.Seizures), NpgsqlDbType.Json);
                copy.Write(utf8.Of(r.Seizures, json.Seizures), NpgsqlDbType.Json);
                copy.Write(utf8.Of(r.Sanctions, json.SanctionViews), NpgsqlDbType.Json);
                copy.Write(utf8.Of(r.MilestoneDeadlines, json.MilestoneDeadlines), NpgsqlDbType.Json);
                copy.Write(r.Version, NpgsqlDbType.Bigint);
            }
            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy case_parties (case_number, court_code, position, role, kind, name, public_id, debtor_key, stage, outstanding) from stdin (format binary)", ct))
        {
            foreach (var p in cases.SelectMany(s => CaseParticipations.From(s.State)))
            {
                copy.StartRow();
                copy.Write(p.CaseNumber, NpgsqlDbType.Text);
                copy.Write(p.CourtCode, NpgsqlDbType.Text);
                copy.Write(p.Position, NpgsqlDbType.Integer);
                copy.Write(p.Role.ToString(), NpgsqlDbType.Text);
                copy.Write(p.Kind.ToString(), NpgsqlDbType.Text);
                copy.Write(p.Name, NpgsqlDbType.Text);
                copy.Write(p.PublicId, NpgsqlDbType.Text);
                copy.Write(p.DebtorKey, NpgsqlDbType.Text);
                copy.Write(p.Stage.ToString(), NpgsqlDbType.Text);
                copy.Write(p.Outstanding, NpgsqlDbType.Bigint);
            }
            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy case_funds (case_number, court_code, position, moved_on, direction, amount) from stdin (format binary)", ct))
        {
            foreach (var f in cases.SelectMany(Funds))
            {
                copy.StartRow();
                copy.Write(f.CaseNumber, NpgsqlDbType.Text);
                copy.Write(f.CourtCode, NpgsqlDbType.Text);
                copy.Write(f.Position, NpgsqlDbType.Integer);
                copy.Write(f.MovedOn, NpgsqlDbType.Date);
                copy.Write(f.Direction.ToString(), NpgsqlDbType.Text);
                copy.Write(f.Amount, NpgsqlDbType.Bigint);
            }
            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync($"copy sanction_entries ({SanctionColumns}) from stdin (format binary)", ct))
        {
            foreach (var e in cases.SelectMany(s => SanctionEntries.From(s.State)))
            {
                copy.StartRow();
                copy.Write(e.EntryId, NpgsqlDbType.Text);
                copy.Write(e.CaseNumber, NpgsqlDbType.Text);
                copy.Write(e.CourtCode, NpgsqlDbType.Text);
                copy.Write(e.SanctionId, NpgsqlDbType.Text);
                copy.Write(e.Kind.ToString(), NpgsqlDbType.Text);
                copy.Write(e.IsPublic, NpgsqlDbType.Boolean);
                copy.Write(e.DebtorKind.ToString(), NpgsqlDbType.Text);
                copy.Write(e.DebtorName, NpgsqlDbType.Text);
                copy.Write(e.DebtorPublicId, NpgsqlDbType.Text);
                copy.Write(e.DebtorKey, NpgsqlDbType.Text);
                Text(copy, e.Ground?.ToString());
                copy.Write(e.DocumentNumber, NpgsqlDbType.Text);
                Text(copy, e.Obligation);
                copy.Write(e.Performance.ToString(), NpgsqlDbType.Text);
                copy.Write(e.ListedOn, NpgsqlDbType.Date);
                Date(copy, e.PeriodEnd);
                Date(copy, e.LiftedOn);
                Text(copy, e.LiftReason?.ToString());
                Text(copy, e.RepairNoticeNumber);
                copy.Write(utf8.Of(e.History, json.History), NpgsqlDbType.Json);
            }
            await copy.CompleteAsync(ct);
        }

        var notices = cases.SelectMany(s => RepairNotices.RepairNotices.From(s.State)).ToList();
        if (notices.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync("""
                copy repair_notices (notice_number, published_on, case_number, court_code, sanction_id, debtor_kind, debtor_name,
                    debtor_public_id, debtor_key, ground, decision_number, listed_on, lifted_on, lift_reason)
                from stdin (format binary)
                """, ct);
            foreach (var n in notices)
            {
                copy.StartRow();
                copy.Write(n.NoticeNumber, NpgsqlDbType.Text);
                copy.Write(n.PublishedOn, NpgsqlDbType.Date);
                copy.Write(n.CaseNumber, NpgsqlDbType.Text);
                copy.Write(n.CourtCode, NpgsqlDbType.Text);
                copy.Write(n.SanctionId, NpgsqlDbType.Text);
                copy.Write(n.DebtorKind.ToString(), NpgsqlDbType.Text);
                copy.Write(n.DebtorName, NpgsqlDbType.Text);
                copy.Write(n.DebtorPublicId, NpgsqlDbType.Text);
                copy.Write(n.DebtorKey, NpgsqlDbType.Text);
                Text(copy, n.Ground?.ToString());
                copy.Write(n.DecisionNumber, NpgsqlDbType.Text);
                copy.Write(n.ListedOn, NpgsqlDbType.Date);
                copy.Write(n.LiftedOn, NpgsqlDbType.Date);
                copy.Write(n.LiftReason.ToString(), NpgsqlDbType.Text);
            }
            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy oversight_deadlines (case_number, court_code, flag, subject, raised_from, until, detail) from stdin (format binary)", ct))
        {
            foreach (var o in cases.SelectMany(Oversight))
            {
                copy.StartRow();
                copy.Write(o.CaseNumber, NpgsqlDbType.Text);
                copy.Write(o.CourtCode, NpgsqlDbType.Text);
                copy.Write(o.Flag, NpgsqlDbType.Text);
                copy.Write(o.Subject, NpgsqlDbType.Text);
                copy.Write(o.RaisedFrom, NpgsqlDbType.Date);
                Date(copy, o.Until);
                copy.Write(o.Detail, NpgsqlDbType.Text);
            }
            await copy.CompleteAsync(ct);
        }

        // A change is made only by an event above the stored version, and the version is stored with
        // it, so a change row is never written twice: no conflict handling is needed here.
        if (result.Changes.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "copy change_feed (tx_id, seq, case_number, court_code, happened_on, milestone, summary, amount, subject) from stdin (format binary)", ct);
            foreach (var c in result.Changes)
            {
                copy.StartRow();
                copy.Write(c.TxId, NpgsqlDbType.Xid8);
                copy.Write(c.Seq, NpgsqlDbType.Bigint);
                copy.Write(c.CaseNumber, NpgsqlDbType.Text);
                copy.Write(c.CourtCode, NpgsqlDbType.Text);
                copy.Write(c.HappenedOn, NpgsqlDbType.Date);
                copy.Write(c.Milestone, NpgsqlDbType.Text);
                copy.Write(c.Summary, NpgsqlDbType.Text);
                if (c.Amount is { } amount)
                {
                    copy.Write(amount, NpgsqlDbType.Bigint);
                }
                else
                {
                    copy.WriteNull();
                }
                Text(copy, c.Subject);
            }
            await copy.CompleteAsync(ct);
        }
    }

    /// <summary>
    /// Deletes the rows of the keys in $1, joined on the key rather than matched with "= any($1)". Connections prepare
    /// their statements, and PostgreSQL's generic plan for "= any" over a growing table can scan all of it, comparing
    /// each row with every key (the daemon's per-stream lookup grew that way from 33 to 385 ms per batch over a
    /// 50,000-case rebuild); joined, the plan probes the key's index once per key.
    /// </summary>
    private static string DeleteSql(string table, string key) =>
        $"delete from {table} t using unnest($1::text[]) as k({key}) where t.{key} = k.{key}";

    /// <summary>
    /// Serializes a value into one reused UTF-8 buffer, which COPY then copies into its own before the next value: the
    /// json and bytea columns go out without a string per value (and Npgsql's re-encoding of it) in between. Escapes as
    /// <see cref="ReadModelJson.Writer"/> does, so both write paths store the same bytes.
    /// </summary>
    private sealed class Utf8Json : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
        private readonly Utf8JsonWriter _writer;

        public Utf8Json() => _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = ReadModelJson.Writer.Options.Encoder });

        /// <summary>The value's JSON, valid until the next call.</summary>
        public ReadOnlyMemory<byte> Of<T>(T value, JsonTypeInfo<T> info)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            JsonSerializer.Serialize(_writer, value, info);
            _writer.Flush();
            return _buffer.WrittenMemory;
        }

        public void Dispose() => _writer.Dispose();
    }

    private static readonly string[] DerivedTables =
        ["case_progress", "case_parties", "case_funds", "sanction_entries", "repair_notices", "oversight_deadlines"];

    // Rows are written synchronously into Npgsql's buffer: a flush blocks only when the buffer is full,
    // and an await per value would cost more than the value itself.
    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void Date(NpgsqlBinaryImporter copy, DateOnly? value)
    {
        if (value is { } d)
        {
            copy.Write(d, NpgsqlDbType.Date);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private static NpgsqlParameter TextArray(string[] values) =>
        new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    /// <summary>The json values of the rows, in the same JSON as the statement path writes (snake case, enum names, UTF-8 text).</summary>
    private sealed class JsonRows
    {
        public static JsonRows Instance { get; } = new(ReadModelJson.Writer);

        private JsonRows(ReadModelJsonContext ctx)
        {
            Parties = Info<IReadOnlyList<PublicParty>>(ctx);
            Timeline = Info<IReadOnlyList<TimelineEntry>>(ctx);
            Seizures = Info<IReadOnlyList<PublicSeizure>>(ctx);
            SanctionViews = Info<IReadOnlyList<CaseSanctionView>>(ctx);
            MilestoneDeadlines = Info<IReadOnlyList<MilestoneDeadline>>(ctx);
            History = Info<IReadOnlyList<SanctionChange>>(ctx);
        }

        public JsonTypeInfo<IReadOnlyList<PublicParty>> Parties { get; }
        public JsonTypeInfo<IReadOnlyList<TimelineEntry>> Timeline { get; }
        public JsonTypeInfo<IReadOnlyList<PublicSeizure>> Seizures { get; }
        public JsonTypeInfo<IReadOnlyList<CaseSanctionView>> SanctionViews { get; }
        public JsonTypeInfo<IReadOnlyList<MilestoneDeadline>> MilestoneDeadlines { get; }
        public JsonTypeInfo<IReadOnlyList<SanctionChange>> History { get; }

        private static JsonTypeInfo<T> Info<T>(ReadModelJsonContext ctx) =>
            (JsonTypeInfo<T>)(ctx.GetTypeInfo(typeof(T)) ?? throw new InvalidOperationException($"no JSON contract for {typeof(T)}"));
    }

    // ---- statements over JSON ----

    /// <summary>
    /// One round trip: each table's rows as one json parameter, unpacked by <c>json_populate_recordset</c>, which
    /// keeps a nested value's text as written, so a json column holds the same bytes as binary COPY writes.
    /// </summary>
    private static async Task StatementsAsync(ProjectionContext context, CaseBatchResult result, CancellationToken ct)
    {
        var ctx = ReadModelJson.Writer;
        var states = result.Cases;
        var caseNumbers = states.Select(s => s.CaseNumber).ToArray();
        await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);

        var upsert = new NpgsqlBatchCommand("""
            insert into public_cases (stream_id, case_number, version, state)
            select * from unnest($1::text[], $2::text[], $3::bigint[], $4::bytea[])
            on conflict (stream_id) do update set case_number = excluded.case_number, version = excluded.version, state = excluded.state
            """);
        upsert.Parameters.Add(TextArray(states.Select(s => s.StreamId).ToArray()));
        upsert.Parameters.Add(TextArray(caseNumbers));
        upsert.Parameters.Add(new NpgsqlParameter { Value = states.Select(s => s.Version).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter
        {
            Value = states.Select(s => JsonSerializer.SerializeToUtf8Bytes(s.State, ReadModelJson.StoredState)).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea,
        });
        batch.BatchCommands.Add(upsert);

        Replace(batch, "case_progress", caseNumbers,
            JsonSerializer.Serialize(states.Select(s => CaseProgressRow.From(s.StreamId, s.State)).ToList(), ctx.ListCaseProgressRow));
        Replace(batch, "case_parties", caseNumbers,
            JsonSerializer.Serialize(states.SelectMany(s => CaseParticipations.From(s.State)).ToList(), ctx.ListCaseParticipation));
        Replace(batch, "case_funds", caseNumbers, JsonSerializer.Serialize(states.SelectMany(Funds).ToList(), ctx.ListFundsRow));
        Replace(batch, "sanction_entries", caseNumbers,
            JsonSerializer.Serialize(states.SelectMany(s => SanctionEntries.From(s.State)).ToList(), ctx.ListSanctionEntry),
            SanctionColumns);
        Replace(batch, "repair_notices", caseNumbers,
            JsonSerializer.Serialize(states.SelectMany(s => RepairNotices.RepairNotices.From(s.State)).ToList(), ctx.ListRepairNotice));
        Replace(batch, "oversight_deadlines", caseNumbers,
            JsonSerializer.Serialize(states.SelectMany(Oversight).ToList(), ctx.ListOversightRow));

        if (result.Changes.Count > 0)
        {
            batch.BatchCommands.Add(Command("""
                insert into change_feed select * from json_populate_recordset(null::change_feed, $1)
                on conflict (tx_id, seq) do nothing
                """, Json(JsonSerializer.Serialize(result.Changes.ToList(), ctx.ListChangeFeedRow))));
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static void Replace(NpgsqlBatch batch, string table, string[] caseNumbers, string rowsJson, string columns = "*")
    {
        batch.BatchCommands.Add(Command(DeleteSql(table, "case_number"), TextArray(caseNumbers)));
        var insertColumns = columns == "*" ? "" : $"({columns})";
        batch.BatchCommands.Add(Command(
            $"insert into {table} {insertColumns} select {columns} from json_populate_recordset(null::{table}, $1)", Json(rowsJson)));
    }

    private static NpgsqlParameter Json(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Json };

    private static NpgsqlBatchCommand Command(string sql, NpgsqlParameter parameter)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(parameter);
        return command;
    }
}
