using BenchmarkDotNet.Attributes;
using Transparency.GraphQL.Execution;

namespace Transparency.GraphQL.Bench;

/// <summary>
/// What one iteration does, on both sides: from the query text, parse + validate + execute +
/// serialise the result to JSON text. The engine's document cache is off (MaxCachedDocuments = 0),
/// as graphql-js's graphql() caches nothing; the *Cached methods turn it on, for a second,
/// labelled figure.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    /// <summary>Set by Program before BenchmarkDotNet runs (in process).</summary>
    public static Workloads Inputs { get; set; } = null!;

    private GraphQLEngine _uncached = null!;
    private GraphQLEngine _cached = null!;
    private GraphQLRequest _sanctionsPage = null!;
    private GraphQLRequest _introspection = null!;

    [GlobalSetup]
    public void Setup()
    {
        _uncached = Inputs.Engine(cacheDocuments: false);
        _cached = Inputs.Engine(cacheDocuments: true);
        _sanctionsPage = Inputs.SanctionsPage;
        _introspection = Inputs.Introspection;
    }

    [Benchmark]
    public async Task<string> SanctionsPage() => (await _uncached.ExecuteAsync(_sanctionsPage)).ToJson();

    [Benchmark]
    public async Task<string> Introspection() => (await _uncached.ExecuteAsync(_introspection)).ToJson();

    [Benchmark]
    public async Task<string> SanctionsPageCached() => (await _cached.ExecuteAsync(_sanctionsPage)).ToJson();

    [Benchmark]
    public async Task<string> IntrospectionCached() => (await _cached.ExecuteAsync(_introspection)).ToJson();
}
