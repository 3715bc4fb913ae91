using Transparency.EventStore.Tests.Support;

namespace Transparency.EventStore.Tests.Appending;

public sealed class MigratorTests
{
    [Fact]
    public async Task Two_processes_migrating_at_once_apply_each_migration_once_store_first_then_contributors()
    {
        await using var db = await TestDatabase.CreateEmptyAsync();
        var contributors = new[] { typeof(MigratorTests).Assembly };

        var runs = await Task.WhenAll(
            Migrator.MigrateAsync(db.DataSource, contributors),
            Migrator.MigrateAsync(db.DataSource, contributors));

        var applied = runs.SelectMany(r => r).ToList();
        var store = Migrator.FromAssembly(typeof(Migrator).Assembly);
        Assert.Equal(store.Count + 1, applied.Count);
        Assert.Equal(applied.Count, applied.Select(m => (m.Source, m.Number)).Distinct().Count());

        Assert.Equal(
            store.Select(m => $"Transparency.EventStore {m.Number:D4} {m.Name}")
                .Append("Transparency.EventStore.Tests 0001 contributed"),
            await ListAsync(db, "select source || ' ' || lpad(number::text, 4, '0') || ' ' || name from schema_migrations order by applied_at, source, number"));

        Assert.Empty(await Migrator.MigrateAsync(db.DataSource, contributors));
        Assert.Equal(1, await db.ScalarAsync<long>("select count(*) from pg_tables where tablename = 'contributed_marker'"));
    }

    private static async Task<List<string>> ListAsync(TestDatabase db, string sql)
    {
        await using var cmd = db.DataSource.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }
}
