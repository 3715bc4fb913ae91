using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Transparency.GraphQL.Bench;

// The C# side of the engine benchmark; bench/graphql/run calls it between Node runs:
//   check ROOT PEER_DIR                  our answer to each workload is graphql-js's (PEER_DIR/<workload>.json)
//   measure ROOT ARTIFACTS OUT WORKLOAD  BenchmarkDotNet, in process, on one workload; ops/s to OUT as JSON
//   report DIR                           one Markdown row per workload on stdout, from DIR/{node,ours}-<workload>.json
// Everything but the rows goes to stderr.
return args switch
{
    ["check", var root, var peer] => await Check(root, peer),
    ["measure", var root, var artifacts, var output, var workload] => Measure(root, artifacts, output, workload),
    ["report", var directory] => Report(directory),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Transparency.GraphQL.Bench check ROOT PEER_DIR | measure ROOT ARTIFACTS OUT WORKLOAD | report DIR");
    return 2;
}

// The same answer on both sides, or the comparison means nothing.
static async Task<int> Check(string root, string peerDirectory)
{
    var inputs = Workloads.Load(root);
    var engine = inputs.Engine(cacheDocuments: false);
    foreach (var (name, request) in new[] { ("sanctions-page", inputs.SanctionsPage), ("introspection", inputs.Introspection) })
    {
        var ours = (await engine.ExecuteAsync(request)).ToJson();
        var theirs = File.ReadAllText(Path.Combine(peerDirectory, name + ".json"));
        if (!JsonNode.DeepEquals(JsonNode.Parse(ours), JsonNode.Parse(theirs)))
        {
            var mine = Path.Combine(peerDirectory, name + ".ours.json");
            File.WriteAllText(mine, ours);
            Console.Error.WriteLine($"{name}: our answer differs from graphql-js's; compare {mine} with {name}.json");
            return 1;
        }

        Console.Error.WriteLine($"  {name}: same answer as graphql-js ({Encoding.UTF8.GetByteCount(ours)} bytes of JSON)");
    }

    return 0;
}

static int Measure(string root, string artifacts, string output, string workload)
{
    var method = Workload.All.SingleOrDefault(w => w.Name == workload)?.Method;
    if (method is null)
    {
        Console.Error.WriteLine($"no workload {workload}; there are {string.Join(", ", Workload.All.Select(w => w.Name))}");
        return 2;
    }

    EngineBenchmarks.Inputs = Workloads.Load(root);

    // As the Node side warms V8 up for a run before timing, run the workload for two seconds so
    // the JIT has tiered it up: on a loaded machine the background compiler otherwise lags far
    // behind BenchmarkDotNet's short warm-up.
    var warm = Operation(method);
    var warming = System.Diagnostics.Stopwatch.StartNew();
    while (warming.Elapsed.TotalSeconds < 2)
    {
        warm().GetAwaiter().GetResult();
    }

    // Three measured iterations, as the Node side takes three timed runs; the figure is their median.
    var job = Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithStrategy(RunStrategy.Throughput)
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(3)
        .WithId("InProcess3");
    var config = ManualConfig.CreateEmpty()
        .AddJob(job)
        .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
        .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
        .AddLogger(new StandardErrorLogger())
        .AddFilter(new BenchmarkDotNet.Filters.NameFilter(name => name == method))
        .WithArtifactsPath(artifacts)
        .WithOptions(ConfigOptions.DisableLogFile);
    var summary = BenchmarkRunner.Run<EngineBenchmarks>(config);
    var report = summary.Reports.SingleOrDefault();
    if (summary.HasCriticalValidationErrors || report is not { Success: true })
    {
        Console.Error.WriteLine($"BenchmarkDotNet did not finish {method}.");
        return 1;
    }

    var samples = report.AllMeasurements
        .Where(m => m.IterationMode == IterationMode.Workload && m.IterationStage == IterationStage.Result)
        .Select(m => m.Operations / (m.Nanoseconds / 1e9))
        .ToArray();
    var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;

    File.WriteAllText(output, JsonSerializer.Serialize(new
    {
        opsPerSecond = Median(samples),
        samples,
        cpuOpsPerSecond = OpsPerCpuSecond(method),
        allocatedBytesPerOperation = allocated,
    }));
    return 0;
}

// A cross-check that a loaded machine disturbs less than wall time: the Node side's loop, timed
// by this process's CPU time (GC threads included) as node/bench.mjs times its own; warm-up,
// then the median of three one-second runs.
static double OpsPerCpuSecond(string method)
{
    var run = Operation(method);
    var runs = new double[3];
    for (var i = -1; i < runs.Length; i++)
    {
        var operations = 0;
        var started = Environment.CpuUsage.TotalTime;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        while (wall.Elapsed.TotalSeconds < 1)
        {
            for (var j = 0; j < 16; j++)
            {
                run().GetAwaiter().GetResult();
            }

            operations += 16;
        }

        if (i >= 0)
        {
            runs[i] = operations / (Environment.CpuUsage.TotalTime - started).TotalSeconds;
        }
    }

    return Median(runs);
}

static Func<Task<string>> Operation(string method)
{
    var benchmarks = new EngineBenchmarks();
    benchmarks.Setup();
    return typeof(EngineBenchmarks).GetMethod(method)!.CreateDelegate<Func<Task<string>>>(benchmarks);
}

static int Report(string directory)
{
    foreach (var workload in Workload.All)
    {
        using var peerFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, $"node-{workload.Name}.json")));
        var peerName = $"graphql-js {peerFile.RootElement.GetProperty("graphql").GetString()} graphql()";
        var nodeVersion = peerFile.RootElement.GetProperty("node").GetString();
        using var oursFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, $"ours-{workload.Name}.json")));
        var theirs = peerFile.RootElement.GetProperty("workloads").GetProperty(workload.Name);
        var ours = oursFile.RootElement;
        var ourOps = ours.GetProperty("opsPerSecond").GetDouble();
        var theirOps = theirs.GetProperty("opsPerSecond").GetDouble();
        var ratio = ourOps / theirOps;
        var ourCpu = ours.GetProperty("cpuOpsPerSecond").GetDouble();
        var theirCpu = theirs.GetProperty("cpuOpsPerSecond").GetDouble();
        var load = File.Exists(Path.Combine(directory, $"load-{workload.Name}.txt"))
            ? File.ReadAllText(Path.Combine(directory, $"load-{workload.Name}.txt")).Trim()
            : "?";
        Console.WriteLine(
            $"| {workload.Label} | {Format(ourOps)} | peer: {peerName} {Format(theirOps)} ops/s "
            + $"| {ratio.ToString("0.00", CultureInfo.InvariantCulture)} × | ≥ 5 × | {(ratio >= 5 ? "pass" : "FAIL")} "
            + $"| ours {Samples(ours)} ({ours.GetProperty("allocatedBytesPerOperation").GetDouble() / 1024:0.0} KiB/op); "
            + $"peer {Samples(theirs)} (Node {nodeVersion}); load average {load}; per CPU second: ours {Format(ourCpu)}, "
            + $"peer {Format(theirCpu)}, {(ourCpu / theirCpu).ToString("0.00", CultureInfo.InvariantCulture)} × |");
    }

    return 0;
}

static string Samples(JsonElement result) => string.Join(" / ", result.GetProperty("samples").EnumerateArray().Select(s => Format(s.GetDouble())));

static double Median(double[] values)
{
    var sorted = values.Order().ToArray();
    var mid = sorted.Length / 2;
    return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

static string Format(double opsPerSecond) => opsPerSecond.ToString("#,0", CultureInfo.InvariantCulture);

/// <summary>A workload: its name on both sides, the benchmark method, and the row label.</summary>
internal sealed record Workload(string Name, string Method, string Label)
{
    public static IReadOnlyList<Workload> All { get; } =
    [
        new("sanctions-page", nameof(EngineBenchmarks.SanctionsPage), "GraphQL engine: sanctions page, parse + validate + execute + JSON"),
        new("introspection", nameof(EngineBenchmarks.Introspection), "GraphQL engine: introspection query (all options), parse + validate + execute + JSON"),
        new("sanctions-page-cached", nameof(EngineBenchmarks.SanctionsPageCached), "GraphQL engine: sanctions page, document parsed + validated once on both sides (execute + JSON)"),
        new("introspection-cached", nameof(EngineBenchmarks.IntrospectionCached), "GraphQL engine: introspection query, document parsed + validated once on both sides (execute + JSON)"),
    ];
}

/// <summary>BenchmarkDotNet's log, on stderr: stdout carries only the result rows.</summary>
internal sealed class StandardErrorLogger : ILogger
{
    public string Id => nameof(StandardErrorLogger);

    public int Priority => 0;

    public void Write(LogKind logKind, string text) => Console.Error.Write(text);

    public void WriteLine() => Console.Error.WriteLine();

    public void WriteLine(LogKind logKind, string text) => Console.Error.WriteLine(text);

    public void Flush() => Console.Error.Flush();
}
