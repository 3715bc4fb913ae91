using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Transparency.Projections.CaseProgress;
using Transparency.Projections.Cases;
using Transparency.Projections.Debtors;
using Transparency.Projections.Oversight;
using Transparency.Projections.RepairNotices;
using Transparency.Projections.Sanctions;

namespace Transparency.Projections.ReadModels;

/// <summary>A money movement of a case, for per-month statistics.</summary>
public sealed record FundsRow(string CaseNumber, string CourtCode, int Position, DateOnly MovedOn, FundsDirection Direction, long Amount);

/// <summary>An <see cref="OversightDeadline"/> as stored; the view <c>oversight_flags</c> compares it with today.</summary>
public sealed record OversightRow(string CaseNumber, string CourtCode, string Flag, string Subject, DateOnly RaisedFrom, DateOnly? Until, string Detail);

/// <summary>A change-feed row; (tx_id, seq) is the event's store position and the cursor.</summary>
public sealed record ChangeFeedRow(
    ulong TxId, long Seq, string CaseNumber, string CourtCode, DateOnly HappenedOn, string Milestone, string Summary, long? Amount, string? Subject);

/// <summary>
/// The JSON of the read models: the json columns and the stored case state, and for small batches
/// the rows themselves, sent as one JSON array per table and unpacked with <c>json_populate_recordset</c> (column
/// names are the properties' snake-case names). See <see cref="CaseReadModelsWriter"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(PublicCase))]
[JsonSerializable(typeof(List<CaseProgressRow>))]
[JsonSerializable(typeof(List<CaseParticipation>))]
[JsonSerializable(typeof(List<FundsRow>))]
[JsonSerializable(typeof(List<SanctionEntry>))]
[JsonSerializable(typeof(SanctionEntry))]
[JsonSerializable(typeof(RepairNotice))]
[JsonSerializable(typeof(CaseProgressRow))]
[JsonSerializable(typeof(CaseParticipation))]
[JsonSerializable(typeof(DebtorSummary))]
[JsonSerializable(typeof(OversightRow))]
[JsonSerializable(typeof(List<RepairNotice>))]
[JsonSerializable(typeof(List<OversightRow>))]
[JsonSerializable(typeof(List<ChangeFeedRow>))]
[JsonSerializable(typeof(List<TimelineEntry>))]
[JsonSerializable(typeof(List<SanctionChange>))]
[JsonSerializable(typeof(IReadOnlyList<PublicParty>))]
[JsonSerializable(typeof(IReadOnlyList<TimelineEntry>))]
[JsonSerializable(typeof(IReadOnlyList<PublicSeizure>))]
[JsonSerializable(typeof(IReadOnlyList<CaseSanctionView>))]
[JsonSerializable(typeof(IReadOnlyList<MilestoneDeadline>))]
[JsonSerializable(typeof(IReadOnlyList<SanctionChange>))]
public sealed partial class ReadModelJsonContext : JsonSerializerContext;

internal static class ReadModelJson
{
    /// <summary>
    /// For writing rows: Chinese text as UTF-8 rather than \uXXXX escapes, which halves the bytes
    /// PostgreSQL checks and stores. Safe because this JSON only ever goes into the database, and every
    /// reader parses it before use: it never reaches HTML or a script as it is.
    /// </summary>
    public static ReadModelJsonContext Writer { get; } = new(new JsonSerializerOptions(ReadModelJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The case's lists that <c>case_progress</c> stores in the same shape, by JSON name.</summary>
    public static readonly string[] ListsInCaseProgress = ["parties", "timeline", "seizures"];

    /// <summary>
    /// A case's state as <c>public_cases</c> stores it: <see cref="PublicCase"/> without the lists
    /// <c>case_progress</c> holds in the same shape (<see cref="ListsInCaseProgress"/>), which are loaded from there.
    /// Storing them twice made the state the largest thing a rebuild wrote (3.9 KB a case).
    /// </summary>
    public static JsonTypeInfo<PublicCase> StoredState { get; } = (JsonTypeInfo<PublicCase>)new JsonSerializerOptions(Writer.Options)
    {
        TypeInfoResolver = ReadModelJsonContext.Default.WithAddedModifier(info =>
        {
            if (info.Type != typeof(PublicCase))
            {
                return;
            }
            // Not written; absent on read, so they keep their empty default until the load fills them.
            foreach (var property in info.Properties.Where(p => ListsInCaseProgress.Contains(p.Name)))
            {
                property.ShouldSerialize = static (_, _) => false;
            }
        }),
    }.GetTypeInfo(typeof(PublicCase));
}
