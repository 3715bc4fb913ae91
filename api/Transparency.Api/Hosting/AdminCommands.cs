using System.CommandLine;
using System.Diagnostics;
using Npgsql;
using Transparency.EventStore;

namespace Transparency.Api.Hosting;

/// <summary>The command line: serve, migrate, store stats, projections rebuild/resume, seed.</summary>
public static class AdminCommands
{
    public static IEnumerable<Command> All()
    {
        yield return Serve();
        yield return Migrate();
        yield return Store();
        yield return Projections();
        yield return Seed();
    }

    private static Command Serve()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (loopback only by default).",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var noDaemon = new Option<bool>("--no-daemon") { Description = "Serve without running the projection daemon." };
        var command = new Command("serve", "Run the API host with the projection daemon (migrates first).") { urls, noDaemon };
        command.SetAction((result, ct) => ApiHost.RunAsync(result.GetValue(urls)!, !result.GetValue(noDaemon), ct));
        return command;
    }

    private static Command Migrate()
    {
        var command = new Command("migrate", "Apply the numbered SQL migrations of the store and the read models.");
        command.SetAction(async (_, ct) =>
        {
            var settings = Settings.FromEnvironment();
            await using var db = EventStoreDataSource.Create(settings.PostgresConnectionString);
            var applied = await Migrator.MigrateAsync(db, Composition.Create().MigrationAssemblies, ct);
            Console.WriteLine(applied.Count == 0
                ? "schema up to date"
                : string.Join(Environment.NewLine, applied.Select(m => $"applied {m.Source} {m.Number:D4}_{m.Name}")));
            return 0;
        });
        return command;
    }

    private static Command Store()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var stats = new Command("stats", "Event count, last position, and each projection's position, lag, state and last error.") { json };
        stats.SetAction(async (result, ct) =>
        {
            await using var db = EventStoreDataSource.Create(Settings.FromEnvironment().PostgresConnectionString);
            await Migrator.MigrateAsync(db, Composition.Create().MigrationAssemblies, ct);
            var statistics = await StoreStatistics.ReadAsync(db, ct);
            if (result.GetValue(json))
            {
                Console.WriteLine(statistics.ToJson());
                return 0;
            }
            Console.WriteLine($"events: {statistics.EventCount:N0}, last position: {statistics.LastSeq}");
            Console.WriteLine($"{"projection",-28} {"state",-11} {"lag",10}  position / last error");
            foreach (var p in statistics.Projections)
                Console.WriteLine($"{p.Name,-28} {p.State,-11} {p.Lag,10:N0}  {p.Position}{(p.LastError is null ? "" : "  " + p.LastError)}");
            return 0;
        });
        return new Command("store", "Inspect the event store.") { stats };
    }

    private static Command Projections()
    {
        var name = new Argument<string>("NAME") { Description = "The projection's name (see `store stats`)." };
        var rebuild = new Command("rebuild", "Rebuild a projection from the first event into new tables, then swap them in; readers keep the old tables until the swap.") { name };
        rebuild.SetAction(async (result, ct) =>
        {
            var projectionName = result.GetValue(name)!;
            await using var db = EventStoreDataSource.Create(Settings.FromEnvironment().PostgresConnectionString);
            var composition = Composition.Create();
            if (composition.Projections.All(p => p.Name != projectionName))
            {
                Console.Error.WriteLine($"no projection named '{projectionName}'; known: {string.Join(", ", composition.Projections.Select(p => p.Name))}");
                return 2;
            }
            await Migrator.MigrateAsync(db, composition.MigrationAssemblies, ct);
            var daemon = new ProjectionDaemon(db, composition.Registry, composition.Projections);
            var clock = Stopwatch.StartNew();
            var total = (await StoreStatistics.ReadAsync(db, countEvents: false, ct)).LastSeq;
            Console.WriteLine($"rebuilding {projectionName} from the first event (last position {total:N0}) ...");
            var progress = new RebuildProgressSnapshot();
            var rebuild = daemon.RebuildAsync(projectionName, progress, ct);
            while (await Task.WhenAny(rebuild, Task.Delay(TimeSpan.FromSeconds(3), ct)) != rebuild)
            {
                var now = progress.Latest;
                Console.WriteLine(now.Filled
                    ? $"  {projectionName}: all {now.Applied:N0} events applied; indexing and swapping in, {clock.Elapsed.TotalSeconds:0} s"
                    : $"  {projectionName}: {now.Applied:N0} of about {now.Total:N0} events applied, {clock.Elapsed.TotalSeconds:0} s");
            }
            await rebuild;
            Console.WriteLine($"rebuilt {projectionName} in {clock.Elapsed.TotalSeconds:0.0} s and swapped it in");
            return 0;
        });
        var resume = new Command("resume", "Resume a parked projection from its checkpoint (after fixing what parked it).") { name };
        resume.SetAction(async (result, ct) =>
        {
            await using var db = EventStoreDataSource.Create(Settings.FromEnvironment().PostgresConnectionString);
            var composition = Composition.Create();
            await new ProjectionDaemon(db, composition.Registry, composition.Projections).ResumeAsync(result.GetValue(name)!, ct);
            Console.WriteLine($"resumed {result.GetValue(name)}");
            return 0;
        });
        return new Command("projections", "Manage the read-model projections.") { rebuild, resume };
    }

    private static Command Seed()
    {
        var cases = new Option<int>("--cases") { Description = "How many demo cases to generate.", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same data.", DefaultValueFactory = _ => 2024 };
        var command = new Command("seed", "Append deterministic demo cases through the same rules as real ingest.") { cases, seed };
        command.SetAction((result, ct) => DemoSeeding.RunAsync(result.GetValue(cases), result.GetValue(seed), ct));
        return command;
    }
}
