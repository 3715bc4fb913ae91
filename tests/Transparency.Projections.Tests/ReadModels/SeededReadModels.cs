using System.Diagnostics;
using Transparency.EventStore;
using Transparency.Projections.Cases;
using Transparency.Projections.Demo;
using Transparency.Projections.ReadModels;
using Transparency.Projections.Tests.Demo;
using static Transparency.Projections.Cases.CaseEvents;
using static Transparency.Projections.Tests.Cases.CaseFixtures;

namespace Transparency.Projections.Tests.ReadModels;

/// <summary>
/// 20,000 demo cases (the seed and day of <see cref="GeneratedCases"/>) appended to a database of
/// their own and projected by the daemon until it has caught up: shared by the tests that look at
/// the read models as a whole, because seeding and projecting is the slow part.
/// </summary>
public sealed class SeededReadModels : IAsyncLifetime
{
    public const int Cases = GeneratedCases.Count;

    public ReadModelsDatabase Db { get; } = new();

    public PostgresEventStore Store { get; private set; } = null!;

    public ProjectionDaemon Daemon { get; private set; } = null!;

    public long Events { get; private set; }

    /// <summary>Every full resident ID the generator put in a filing or a sanction.</summary>
    public IReadOnlySet<string> FullResidentIds { get; private set; } = new HashSet<string>();

    /// <summary>How long seeding and catching up took, for the test output.</summary>
    public TimeSpan SeedTime { get; private set; }

    public TimeSpan CatchUpTime { get; private set; }

    public static DaemonOptions Options { get; } = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(50),
        StandbyInterval = TimeSpan.FromMilliseconds(50),
        LeaderCheckInterval = TimeSpan.FromMilliseconds(200),
    };

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        Store = new PostgresEventStore(Db.DataSource, new EventTypeRegistry().AddCaseEvents(), new EventStoreOptions(Notify: false));
        Daemon = new ProjectionDaemon(Db.DataSource, Store.Registry, [new CaseReadModelsProjection(Masker)], Options);

        var clock = Stopwatch.StartNew();
        var seeded = await DemoSeeder.SeedAsync(Store, new DemoCaseGenerator(GeneratedCases.Seed, GeneratedCases.Today), Cases);
        Events = seeded.Events;
        SeedTime = clock.Elapsed;

        // The same seed and day give the same cases: read the IDs back from a second run rather than from the store.
        FullResidentIds = new DemoCaseGenerator(GeneratedCases.Seed, GeneratedCases.Today).Generate(Cases)
            .SelectMany(c => c.Events)
            .SelectMany(e => e switch
            {
                V1.CaseFiled f => f.Parties.Where(p => p.Kind == PartyKind.NaturalPerson).Select(p => p.IdNumber),
                V1.DebtorListed { Debtor.Kind: PartyKind.NaturalPerson } l => [l.Debtor.IdNumber],
                V1.ConsumptionRestricted { Debtor.Kind: PartyKind.NaturalPerson } r => [r.Debtor.IdNumber],
                V1.ExitBanned { Debtor.Kind: PartyKind.NaturalPerson } x => [x.Debtor.IdNumber],
                _ => [],
            })
            .Select(id => id.ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);

        clock.Restart();
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => Daemon.RunAsync(stop.Token));
        try
        {
            await CaughtUpAsync(TimeSpan.FromMinutes(3));
        }
        finally
        {
            await stop.CancelAsync();
            await run;
        }
        CatchUpTime = clock.Elapsed;
    }

    public Task DisposeAsync() => Db.DisposeAsync();

    /// <summary>Waits until the cases projection has applied the last event, failing if it parks or takes too long.</summary>
    private async Task CaughtUpAsync(TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var progress = await Db.RowsAsync("""
                select p.state, p.last_error,
                       not exists (select 1 from events e where (e.tx_id, e.seq) > (p.last_tx_id, p.last_seq)) as caught_up
                from projection_progress p where p.name = $1
                """, CaseReadModelsProjection.ProjectionName);
            if (progress.Count == 1)
            {
                var row = progress[0];
                Assert.True((string)row["state"]! == "running", $"the cases projection is {row["state"]}: {row["last_error"]}");
                if ((bool)row["caught_up"]!)
                {
                    return;
                }
            }
            Assert.True(deadline.Elapsed < limit, $"the daemon did not catch up with {Events:N0} events within {limit}");
            await Task.Delay(200);
        }
    }
}
