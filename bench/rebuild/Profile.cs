using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Transparency.EventStore;
using Transparency.Projections.CaseProgress;
using Transparency.Projections.Cases;
using Transparency.Projections.Debtors;
using Transparency.Projections.Demo;
using Transparency.Projections.ReadModels;
using Transparency.Projections.Sanctions;

/// <summary>`--profile`: the client's share of a rebuild, in memory and without a database, phase by phase.</summary>
internal static class ClientProfile
{
    public static void Run(int cases, TextWriter log)
    {
        var masker = new PartyMasker(RandomNumberGenerator.GetBytes(32));
        var generated = new DemoCaseGenerator(2024, DateOnly.FromDateTime(DateTime.UtcNow)).Generate(cases).ToList();
        var ctx = CaseEventsJsonContext.Default;
        var stored = new List<(string Stream, long Version, string Type, Type Clr, string Json)>();
        foreach (var c in generated)
        {
            var v = 0L;
            foreach (var e in c.Events)
            {
                stored.Add((c.StreamId, ++v, CaseEventTypes.StoredNameOf(e), e.GetType(), JsonSerializer.Serialize(e, e.GetType(), ctx)));
            }
        }
        log.WriteLine($"profile: {cases:N0} cases, {stored.Count:N0} events, {stored.Sum(s => s.Json.Length) / stored.Count} chars of JSON each");
        for (var round = 0; round < 3; round++)
        {
            var bytes = new List<long> { GC.GetAllocatedBytesForCurrentThread() };
            var clock = Stopwatch.StartNew();
            var events = new List<RecordedEvent>(stored.Count);
            var seq = 0L;
            foreach (var s in stored)
            {
                var data = JsonSerializer.Deserialize(s.Json, s.Clr, ctx)!;
                var meta = JsonSerializer.Deserialize("{\"actor\":\"demo-seed\"}", typeof(EventMetadata), MetaContext.Default);
                events.Add(new RecordedEvent(++seq, 1000, s.Stream, s.Version, s.Type, data, (EventMetadata)meta!, DateTimeOffset.UtcNow));
            }
            var deserialize = clock.Elapsed;
            bytes.Add(GC.GetAllocatedBytesForCurrentThread());
            clock.Restart();
            var results = new List<CaseBatchResult>();
            for (var i = 0; i < events.Count; i += 20_000)
            {
                results.Add(CaseReadModelsProjection.Project(new Dictionary<string, PublicCase>(), events.GetRange(i, Math.Min(20_000, events.Count - i)), masker));
            }
            var apply = clock.Elapsed;
            bytes.Add(GC.GetAllocatedBytesForCurrentThread());
            clock.Restart();
            var rows = 0L;
            var jsonBytes = 0L;
            var rm = ReadModelJsonContext.Default;
            foreach (var r in results)
            {
                foreach (var s in r.Cases)
                {
                    jsonBytes += JsonSerializer.SerializeToUtf8Bytes(s.State, ReadModelJson.StoredState).Length;
                }
            }
            var state = clock.Elapsed;
            bytes.Add(GC.GetAllocatedBytesForCurrentThread());
            clock.Restart();
            foreach (var r in results)
            {
                foreach (var s in r.Cases)
                {
                    var p = CaseProgressRow.From(s.StreamId, s.State);
                    jsonBytes += JsonSerializer.SerializeToUtf8Bytes(p, rm.CaseProgressRow).Length;
                    rows += 1 + CaseParticipations.From(s.State).Count + SanctionEntries.From(s.State).Count + s.State.Funds.Count;
                }
                rows += r.Changes.Count;
            }
            var derived = clock.Elapsed;
            bytes.Add(GC.GetAllocatedBytesForCurrentThread());
            var allocated = string.Join(", ", bytes.Zip(bytes.Skip(1), (a, b) => $"{(b - a) / events.Count:N0}"));
            double Us(TimeSpan t) => t.TotalMicroseconds / events.Count;
            log.WriteLine($"profile round {round + 1}: per event: deserialize {Us(deserialize):0.0} µs, apply {Us(apply):0.0} µs, "
                + $"state JSON {Us(state):0.0} µs, case progress rows + JSON {Us(derived):0.0} µs; {rows:N0} rows, {jsonBytes / 1048576.0:N0} MiB JSON (UTF-8); "
                + $"bytes allocated per event in each of the four: {allocated}");
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(EventMetadata))]
internal sealed partial class MetaContext : System.Text.Json.Serialization.JsonSerializerContext;
