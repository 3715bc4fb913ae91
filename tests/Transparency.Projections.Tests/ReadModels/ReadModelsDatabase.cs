using Npgsql;
using Transparency.EventStore;
using Transparency.Projections.ReadModels;

namespace Transparency.Projections.Tests.ReadModels;

/// <summary>A migrated database of its own for one test class, dropped afterwards.</summary>
public sealed class ReadModelsDatabase : IAsyncLifetime
{
    private readonly string _name = "pj_test_" + Guid.NewGuid().ToString("N")[..16];

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    private static string Server =>
        Environment.GetEnvironmentVariable("TRANSPARENCY_PG") is { Length: > 0 } pg
            ? pg
            : "Host=127.0.0.1;Port=55432;Username=postgres;Database=transparency";

    public async Task InitializeAsync()
    {
        await OnServerAsync($"create database {_name}");
        DataSource = EventStoreDataSource.Create(new NpgsqlConnectionStringBuilder(Server) { Database = _name, CommandTimeout = 300 }.ConnectionString);
        await Migrator.MigrateAsync(DataSource, [typeof(CaseReadModelsProjection).Assembly]);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await OnServerAsync($"drop database if exists {_name} with (force)");
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        }
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<List<Dictionary<string, object?>>> RowsAsync(string sql, params object[] parameters)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        }
        var rows = new List<Dictionary<string, object?>>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    private static async Task OnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
