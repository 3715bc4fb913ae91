using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Transparency.EventStore.Tests.Support;

/// <summary>
/// A database of its own for one test class, cloned from a migrated template (fast), dropped afterwards.
/// The template is named after a hash of the store's migrations, so a change to them makes a new one.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        DataSource = EventStoreDataSource.Create(connectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("TRANSPARENCY_PG") is { Length: > 0 } pg
            ? pg
            : "Host=127.0.0.1;Port=55432;Username=postgres;Database=transparency";

    public static string ConnectionStringFor(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = pooling, MaxPoolSize = 60 }.ConnectionString;

    /// <summary>A migrated database (the store's migrations only).</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
        var template = await TemplateAsync();
        var name = "es_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteOnServerAsync($"create database {name} template {template}");
        return new TestDatabase(name, ConnectionStringFor(name));
    }

    /// <summary>An empty database, no migration applied.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync()
    {
        var name = "es_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteOnServerAsync($"create database {name}");
        return new TestDatabase(name, ConnectionStringFor(name));
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await ExecuteOnServerAsync($"drop database if exists {Name} with (force)");
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        var value = await cmd.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<string> TemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }
            var migrations = Migrator.Plan([]);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", migrations.Select(m => m.Sql)))))[..12];
            var template = "es_template_" + hash;
            await using var server = new NpgsqlConnection(ConnectionStringFor("postgres", pooling: false));
            await server.OpenAsync();
            // Test processes started together build the template once.
            await using (var lockCmd = new NpgsqlCommand("select pg_advisory_lock(hashtext('es_template'))", server))
            {
                await lockCmd.ExecuteNonQueryAsync();
            }
            await using (var exists = new NpgsqlCommand("select count(*) from pg_database where datname = $1", server))
            {
                exists.Parameters.Add(new NpgsqlParameter { Value = template });
                if ((long)(await exists.ExecuteScalarAsync())! == 0)
                {
                    await ExecuteOnServerAsync($"create database {template}");
                    await using var source = NpgsqlDataSource.Create(ConnectionStringFor(template, pooling: false));
                    await Migrator.MigrateAsync(source);
                }
            }
            _template = template;
            return template;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var server = new NpgsqlConnection(ConnectionStringFor("postgres", pooling: false));
        await server.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, server);
        await cmd.ExecuteNonQueryAsync();
    }
}
