using Npgsql;

namespace Transparency.EventStore;

/// <summary>
/// A read model built from events. Its tables live in their own schema (<see cref="ProjectionSchema.LiveName"/>);
/// every call runs with <c>search_path</c> set to that schema first, so the projection writes unqualified
/// table names and a rebuild can point the same code at a fresh schema.
/// </summary>
public interface IProjection
{
    /// <summary>Stable name: lower-case letters, digits and underscores (it names the schema <c>rm_&lt;name&gt;</c>).</summary>
    string Name { get; }

    /// <summary>The event records it reads; other events are not passed to <see cref="ApplyAsync"/>.</summary>
    IReadOnlyCollection<Type> EventTypes { get; }

    /// <summary>
    /// True when the read model is per stream and must see each stream's events in version order, whatever order the
    /// streams come in. The daemon then fills a version gap from the stream itself (see <c>ProjectionBatch</c>), and a
    /// rebuild applies whole streams one after another (see <see cref="ProjectionContext.NewStreams"/>).
    /// </summary>
    bool StreamScoped { get; }

    /// <summary>
    /// True when <see cref="ApplyAsync"/>, given a context with <see cref="ProjectionContext.NewStreams"/>, only inserts:
    /// it reads, updates and deletes nothing in its tables and uses no <c>on conflict</c>, so it needs none of their
    /// indexes or unique constraints. A rebuild then fills the tables bare and adds the primary keys, unique constraints
    /// and indexes once they are full: one sort each instead of an index entry per row. For stream-scoped projections.
    /// </summary>
    bool InsertsOnlyForNewStreams => false;

    /// <summary>
    /// The shape of the read model: its tables and what it stores in them. Change it with either. When the live tables
    /// were built with another one (or before versions were kept), the daemon rebuilds the projection into new tables
    /// before it applies anything, so new code never writes into tables of the old shape. Empty: not tracked.
    /// </summary>
    string SchemaVersion => "";

    /// <summary>Creates the read model's tables in the current schema; must be idempotent (<c>create table if not exists</c>).</summary>
    Task CreateSchemaAsync(ProjectionContext context, CancellationToken ct);

    /// <summary>
    /// Indexes (by name, as <see cref="CreateSchemaAsync"/> creates them) that a rebuild may drop while it fills its
    /// new tables and create again before the swap: one sort over the finished table costs far less than
    /// maintaining the index row by row. Leave out the indexes the projection's own writes look rows up by.
    /// </summary>
    IReadOnlyCollection<string> IndexesBuiltAfterRebuild => [];

    /// <summary>
    /// Writes the effect of <paramref name="events"/> (in order) through <see cref="ProjectionContext.Connection"/>,
    /// inside <see cref="ProjectionContext.Transaction"/>; commits with the checkpoint, or not at all.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<RecordedEvent> events, ProjectionContext context, CancellationToken ct);
}

/// <summary>The open connection and transaction a projection writes through, and the schema it writes to.</summary>
public sealed record ProjectionContext(NpgsqlConnection Connection, NpgsqlTransaction Transaction, string Schema)
{
    /// <summary>
    /// Every stream in the events is new to the tables, and the events are its whole history so far, in version order:
    /// there is no stored state to load and no row to replace. A stream-scoped projection's rebuild applies like this.
    /// </summary>
    public bool NewStreams { get; init; }
}
