using Transparency.GraphQL.DataLoader;
using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Tests.DataLoader;

public sealed class DataLoaderTests
{
    private sealed record Case(int Id, int CourtId);

    private sealed record Court(int Id, string Name, int RegionId);

    private sealed record Region(int Id, string Name);

    private sealed class Backend
    {
        public List<IReadOnlyList<int>> CourtBatches { get; } = [];

        public List<IReadOnlyList<int>> RegionBatches { get; } = [];

        public bool FailCourts { get; set; }

        public async Task<IReadOnlyDictionary<int, Court>> Courts(IReadOnlyList<int> ids, CancellationToken token)
        {
            lock (CourtBatches)
            {
                CourtBatches.Add(ids);
            }

            await Task.Delay(1, token);
            if (FailCourts)
            {
                throw new InvalidOperationException("court store unavailable");
            }

            return ids.Where(id => id != 99).ToDictionary(id => id, id => new Court(id, "court " + id, id % 2));
        }

        public Task<IReadOnlyDictionary<int, Region>> Regions(IReadOnlyList<int> ids, CancellationToken token)
        {
            lock (RegionBatches)
            {
                RegionBatches.Add(ids);
            }

            return Task.FromResult<IReadOnlyDictionary<int, Region>>(ids.ToDictionary(id => id, id => new Region(id, "region " + id)));
        }
    }

    private static GraphQLSchema Schema(Backend backend, int caseCount, bool withMissing = false)
    {
        var region = new ObjectType("Region", [new FieldDefinition("name", Scalars.String)]);
        var court = new ObjectType("Court",
        [
            new FieldDefinition("name", Scalars.String),
            new FieldDefinition("region", region)
            {
                Resolve = async c => await c.GetDataLoader<int, Region>("regionById", backend.Regions).LoadAsync(((Court)c.Source!).RegionId),
            },
        ]);
        var caseType = new ObjectType("Case",
        [
            new FieldDefinition("id", Scalars.Int),
            new FieldDefinition("court", court)
            {
                Resolve = async c => await c.GetDataLoader<int, Court>("courtById", backend.Courts).LoadAsync(((Case)c.Source!).CourtId),
            },

            // A synchronous resolver may hand back the loader's task itself: no async state machine.
            new FieldDefinition("courtName", Scalars.String)
            {
                ResolveSync = c => c.GetDataLoader<int, Court>("courtById", backend.Courts).LoadAsync(((Case)c.Source!).CourtId)
                    .ContinueWith(t => t.Result?.Name, TaskScheduler.Default),
            },
        ]);
        var cases = Enumerable.Range(1, caseCount).Select(i => new Case(i, withMissing && i == 1 ? 99 : i % 4)).ToArray();
        var query = new ObjectType("Query",
        [
            new FieldDefinition("cases", new ListType(caseType)) { ResolveSync = _ => cases },
            new FieldDefinition("slowCases", new ListType(caseType))
            {
                Resolve = async _ =>
                {
                    await Task.Delay(5);
                    return cases;
                },
            },
        ]);
        return new GraphQLSchema(query);
    }

    private static async Task<ExecutionResult> Run(GraphQLSchema schema, string query) =>
        await new GraphQLEngine(schema).ExecuteAsync(new GraphQLRequest(query));

    [Fact]
    public async Task A_list_of_n_items_costs_one_batch_per_level_not_n_calls()
    {
        var backend = new Backend();
        var result = await Run(Schema(backend, 40), "{ cases { id court { name region { name } } } }");
        Assert.Empty(result.Errors);
        Assert.Single(backend.CourtBatches);
        Assert.Single(backend.RegionBatches);

        // Forty cases over four courts: each court is loaded once, each region once.
        Assert.Equal([1, 2, 3, 0], backend.CourtBatches[0]);
        Assert.Equal([1, 0], backend.RegionBatches[0]);
        Assert.StartsWith(
            """{"data":{"cases":[{"id":1,"court":{"name":"court 1","region":{"name":"region 1"}}},{"id":2,"court":{"name":"court 2","region":{"name":"region 0"}}}""",
            result.ToJson());
    }

    [Fact]
    public async Task Batching_holds_when_the_list_itself_arrives_asynchronously()
    {
        var backend = new Backend();
        var result = await Run(Schema(backend, 10), "{ a: slowCases { court { name } } b: cases { court { region { name } } } }");
        Assert.Empty(result.Errors);
        Assert.Equal(10, result.Data!["a"] is object?[] a ? a.Length : 0);
        Assert.True(backend.CourtBatches.Count <= 2, $"court batches: {backend.CourtBatches.Count}");
        Assert.Equal(4, backend.CourtBatches.SelectMany(b => b).Distinct().Count());
    }

    [Fact]
    public async Task Fields_of_one_level_share_a_loader_and_its_batch()
    {
        var backend = new Backend();
        var result = await Run(Schema(backend, 8), "{ cases { courtName court { name } } }");
        Assert.Empty(result.Errors);
        Assert.Single(backend.CourtBatches);
        Assert.StartsWith("""{"data":{"cases":[{"courtName":"court 1","court":{"name":"court 1"}}""", result.ToJson());
    }

    [Fact]
    public async Task A_key_the_batch_does_not_return_loads_as_null()
    {
        var result = await Run(Schema(new Backend(), 2, withMissing: true), "{ cases { id court { name } } }");
        Assert.Equal("""{"data":{"cases":[{"id":1,"court":null},{"id":2,"court":{"name":"court 2"}}]}}""", result.ToJson());
    }

    [Fact]
    public async Task A_failing_batch_fails_each_field_that_waited_for_it()
    {
        var backend = new Backend { FailCourts = true };
        var result = await Run(Schema(backend, 3), "{ cases { court { name } } }");
        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("court store unavailable", e.Message));
        Assert.Equal(["cases", 2, "court"], result.Errors[2].Path!);
        Assert.Single(backend.CourtBatches);
    }

    [Fact]
    public async Task A_standalone_context_dispatches_on_demand_and_caches_keys()
    {
        var backend = new Backend();
        var context = new DataLoaderContext();
        var loader = context.GetOrAdd<int, Court>("courts", backend.Courts, maxBatchSize: 2);
        var loads = new[] { loader.LoadAsync(1), loader.LoadAsync(2), loader.LoadAsync(1), loader.LoadAsync(3) };
        Assert.True(context.HasPending);
        Assert.All(loads, t => Assert.False(t.IsCompleted));
        await context.DispatchAsync();
        var courts = await Task.WhenAll(loads);
        Assert.Equal(["court 1", "court 2", "court 1", "court 3"], courts.Select(c => c!.Name));
        Assert.Equal(2, loader.BatchCount);
        Assert.Same(courts[0], await loader.LoadAsync(1));
        Assert.False(context.HasPending);
    }
}
