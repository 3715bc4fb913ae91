using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace Transparency.EventStore;

/// <summary>One numbered SQL migration, e.g. <c>0001_events.sql</c> from an assembly's <c>Migrations</c> folder.</summary>
public sealed record Migration(string Source, int Number, string Name, string Sql);

/// <summary>
/// Applies numbered SQL migrations embedded in assemblies: the event store's own first, then each
/// contributed assembly in the order given, each by number. Applied ones are recorded in
/// <c>schema_migrations</c> by (source, number), so running it again does nothing.
/// </summary>
public static partial class Migrator
{
    // Every migrator of one database queues on this lock, so two processes starting together
    // neither apply a migration twice nor race on creating schema_migrations.
    private const string LockName = "transparency.schema_migrations";

    [GeneratedRegex(@"(?:^|\.)Migrations\.(?<number>\d{4})_(?<name>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ResourcePattern();

    /// <summary>Migrations embedded in <paramref name="assembly"/> under <c>Migrations/NNNN_name.sql</c>, by number.</summary>
    public static IReadOnlyList<Migration> FromAssembly(Assembly assembly)
    {
        var source = assembly.GetName().Name ?? throw new ArgumentException("assembly has no name", nameof(assembly));
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourcePattern().Match(resource);
            if (!match.Success)
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(source, int.Parse(match.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["name"].Value, reader.ReadToEnd()));
        }
        var duplicate = migrations.GroupBy(m => m.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"{source} has two migrations numbered {duplicate.Key:D4}");
        }
        return migrations.OrderBy(m => m.Number).ToList();
    }

    /// <summary>The event store's migrations followed by those of <paramref name="contributors"/>, in that order.</summary>
    public static IReadOnlyList<Migration> Plan(IEnumerable<Assembly> contributors) =>
        FromAssembly(typeof(Migrator).Assembly)
            .Concat(contributors.Where(a => a != typeof(Migrator).Assembly).SelectMany(FromAssembly))
            .ToList();

    /// <summary>Applies every pending migration in one transaction; returns the ones applied now.</summary>
    public static Task<IReadOnlyList<Migration>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        MigrateAsync(dataSource, [], ct);

    /// <inheritdoc cref="MigrateAsync(NpgsqlDataSource, CancellationToken)"/>
    public static async Task<IReadOnlyList<Migration>> MigrateAsync(
        NpgsqlDataSource dataSource, IEnumerable<Assembly> contributors, CancellationToken ct = default)
    {
        var plan = Plan(contributors);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await Execute(connection, tx, "select pg_advisory_xact_lock(hashtext(@name))", ct, ("name", LockName));
        await Execute(connection, tx, """
            create table if not exists schema_migrations (
                source     text        not null,
                number     int         not null,
                name       text        not null,
                applied_at timestamptz not null default now(),
                primary key (source, number)
            )
            """, ct);

        var applied = new HashSet<(string, int)>();
        await using (var cmd = new NpgsqlCommand("select source, number from schema_migrations", connection, tx))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                applied.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }

        var pending = plan.Where(m => !applied.Contains((m.Source, m.Number))).ToList();
        foreach (var migration in pending)
        {
            try
            {
                await Execute(connection, tx, migration.Sql, ct);
            }
            catch (PostgresException e)
            {
                throw new InvalidOperationException($"migration {migration.Source} {migration.Number:D4}_{migration.Name} failed: {e.MessageText}", e);
            }
            await Execute(connection, tx, "insert into schema_migrations (source, number, name) values (@source, @number, @name)", ct,
                ("source", migration.Source), ("number", migration.Number), ("name", migration.Name));
        }
        await tx.CommitAsync(ct);
        return pending;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
