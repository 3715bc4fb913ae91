using Npgsql;
using Transparency.EventStore;
using Transparency.Projections.Demo;

namespace Transparency.Api.Hosting;

/// <summary>
/// `seed --cases N`: generates deterministic demo cases through the case decision step and appends
/// them. The projection daemon of a running (or the next) host projects them.
/// </summary>
public static class DemoSeeding
{
    public static async Task<int> RunAsync(int cases, int seed, CancellationToken ct)
    {
        if (cases < 1)
        {
            await Console.Error.WriteLineAsync($"--cases must be at least 1, not {cases}");
            return 2;
        }
        var settings = Settings.FromEnvironment();
        var composition = Composition.Create(settings);
        await using var db = EventStoreDataSource.Create(settings.PostgresConnectionString);
        await Migrator.MigrateAsync(db, composition.MigrationAssemblies, ct);
        var store = new PostgresEventStore(db, composition.Registry);
        // Dates are generated up to today (UTC+8, the courts' day), so the oversight flags are live.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        Console.Error.WriteLine($"seed: generating {cases:N0} demo cases (seed {seed}, up to {today:yyyy-MM-dd}) ...");
        var result = await DemoSeeder.SeedAsync(store, new DemoCaseGenerator(seed, today), cases, Console.Error, ct: ct);
        Console.Error.WriteLine($"seed: appended {result.Cases:N0} cases, {result.Events:N0} events in {result.Elapsed.TotalSeconds:0.0} s ({result.EventsPerSecond:N0} events/s)");
        return 0;
    }
}
