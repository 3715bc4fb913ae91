using System.Diagnostics;
using System.Threading.Channels;
using Transparency.EventStore;

namespace Transparency.Projections.Demo;

/// <summary>What a seed run appended.</summary>
public sealed record DemoSeedResult(int Cases, long Events, TimeSpan Elapsed)
{
    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Events / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Appends generated cases to the event store: many new streams per append (one transaction each,
/// every stream expected not to exist yet), while the next batch is being generated. Memory stays
/// bounded by a few batches whatever the case count.
/// </summary>
public static class DemoSeeder
{
    /// <summary>Cases per append: about 15,000 events, one transaction.</summary>
    public const int DefaultBatchCases = 1_000;

    private static readonly EventMetadata SeedMetadata = new(Actor: "demo-seed");

    public static async Task<DemoSeedResult> SeedAsync(PostgresEventStore store, DemoCaseGenerator generator, int cases,
        TextWriter? progress = null, int batchCases = DefaultBatchCases, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchCases, 1);
        var clock = Stopwatch.StartNew();
        var batches = Channel.CreateBounded<List<StreamAppend>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });

        var producer = Task.Run(async () =>
        {
            try
            {
                var batch = new List<StreamAppend>(batchCases);
                foreach (var c in generator.Generate(cases))
                {
                    batch.Add(new StreamAppend(c.StreamId, ExpectedVersion.NoStream, [.. c.Events], "case"));
                    if (batch.Count == batchCases)
                    {
                        await batches.Writer.WriteAsync(batch, ct);
                        batch = new List<StreamAppend>(batchCases);
                    }
                }
                if (batch.Count > 0)
                {
                    await batches.Writer.WriteAsync(batch, ct);
                }
                batches.Writer.Complete();
            }
            catch (Exception e)
            {
                batches.Writer.Complete(e);
            }
        }, ct);

        var appendedCases = 0;
        var appendedEvents = 0L;
        var lastReport = TimeSpan.Zero;
        await foreach (var batch in batches.Reader.ReadAllAsync(ct))
        {
            await store.AppendAsync(batch, SeedMetadata, ct);
            appendedCases += batch.Count;
            appendedEvents += batch.Sum(b => b.Events.Count);
            if (progress is not null && (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(3) || appendedCases == cases))
            {
                lastReport = clock.Elapsed;
                await progress.WriteLineAsync(ProgressLine(appendedCases, appendedEvents, cases, clock.Elapsed));
            }
        }
        await producer;
        return new DemoSeedResult(appendedCases, appendedEvents, clock.Elapsed);
    }

    internal static string ProgressLine(int cases, long events, int total, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        var casesPerSecond = cases / seconds;
        var eta = casesPerSecond > 0 ? TimeSpan.FromSeconds((total - cases) / casesPerSecond) : TimeSpan.Zero;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"seed: {cases:N0}/{total:N0} cases, {events:N0} events, {casesPerSecond:N0} cases/s, {events / seconds:N0} events/s, ETA {eta:hh\\:mm\\:ss}");
    }
}
