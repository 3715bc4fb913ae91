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

    /// <summary>
    /// Creates the live tables of <paramref name="projection"/> if missing and records the shape they were built with
    /// (<see cref="IProjection.SchemaVersion"/>). Returns false and changes nothing when live tables of another shape
    /// are there, or of an unrecorded one (built before versions were kept): they need a rebuild.
    /// </summary>
    internal static async Task<bool> EnsureLiveAsync(IProjection projection, NpgsqlConnection connection, NpgsqlTransaction tx,
        CancellationToken ct)
    {
        var schema = LiveName(projection.Name);
        await using (var check = new NpgsqlCommand(
            "select to_regnamespace($1) is not null, (select version from public.projection_schemas where name = $2)", connection, tx))
        {
            check.Parameters.Add(new NpgsqlParameter { Value = schema });
            check.Parameters.Add(new NpgsqlParameter { Value = projection.Name });
            await using var reader = await check.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var built = reader.IsDBNull(1) ? null : reader.GetString(1);
            if (reader.GetBoolean(0) && projection.SchemaVersion.Length > 0 && built != projection.SchemaVersion)
            {
                return false;
            }
        }
        await EnsureAsync(projection, connection, tx, schema, ct);
        await RecordVersionAsync(projection, connection, tx, ct);
        return true;
    }

    /// <summary>Records that the live tables now have <paramref name="projection"/>'s shape (after creating them, or a swap).</summary>
    internal static async Task RecordVersionAsync(IProjection projection, NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var record = new NpgsqlCommand("""
            insert into public.projection_schemas (name, version) values ($1, $2)
            on conflict (name) do update set version = excluded.version, built = now()
            where projection_schemas.version <> excluded.version
            """, connection, tx);
        record.Parameters.Add(new NpgsqlParameter { Value = projection.Name });
        record.Parameters.Add(new NpgsqlParameter { Value = projection.SchemaVersion });
        await record.ExecuteNonQueryAsync(ct);
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
