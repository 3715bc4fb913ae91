using System.Text.RegularExpressions;
using Npgsql;

namespace Transparency.EventStore;

/// <summary>Where a projection's tables live, and how that schema is prepared.</summary>
public static partial class ProjectionSchema
{
    [GeneratedRegex("^[a-z][a-z0-9_]{0,40}$")]
    private static partial Regex NamePattern();

    /// <summary>The schema readers query: <c>rm_&lt;name&gt;</c>.</summary>
    public static string LiveName(string projection) => "rm_" + Validate(projection);

    /// <summary>The schema a rebuild fills before it is swapped in.</summary>
    internal static string ShadowName(string projection) => "rm_" + Validate(projection) + "__rebuild";

    internal static string RetiredName(string projection) => "rm_" + Validate(projection) + "__retired";

    /// <summary>The projection_progress row of a rebuild in flight.</summary>
    internal static string ShadowProgressName(string projection) => Validate(projection) + "#rebuild";

    public static string Validate(string projection) =>
        NamePattern().IsMatch(projection)
            ? projection
            : throw new ArgumentException($"projection name '{projection}' must match {NamePattern()}", nameof(projection));

    /// <summary>Points unqualified names at <paramref name="schema"/> (then public, for the events table) until the transaction ends.</summary>
    internal static async Task UseAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string schema, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"set local search_path to \"{schema}\", public", connection, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Creates the schema, the projection's tables and the daemon's per-stream table, if missing.</summary>
    internal static async Task EnsureAsync(IProjection projection, NpgsqlConnection connection, NpgsqlTransaction tx, string schema,
        CancellationToken ct)
    {
        await using (var cmd = new NpgsqlCommand($"""
            create schema if not exists "{schema}";
            -- The last version of each stream this projection has applied, in its own schema so that a
            -- rebuild starts from nothing and is swapped in together with the rows it describes.
            create table if not exists "{schema}".es_stream_versions (
                stream_id text primary key,
                version   bigint not null
            );
            """, connection, tx))
        {
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await UseAsync(connection, tx, schema, ct);
        await projection.CreateSchemaAsync(new ProjectionContext(connection, tx, schema), ct);
    }
}
