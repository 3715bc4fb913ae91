using Npgsql;

namespace Transparency.Api.Tests;

/// <summary>A database of its own on the project's PostgreSQL, dropped at the end.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly string Admin = Environment.GetEnvironmentVariable("TRANSPARENCY_PG") is { Length: > 0 } pg
        ? pg
        : "Host=127.0.0.1;Port=55432;Username=postgres;Database=transparency";

    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(Admin) { Database = name, Pooling = false }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string prefix)
    {
        var database = new TestDatabase($"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant());
        await using var admin = new NpgsqlConnection(Admin);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"create database \"{database.Name}\"", admin);
        await create.ExecuteNonQueryAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Admin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{Name}\" with (force)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
