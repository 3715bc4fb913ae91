using Transparency.GraphQL.Armour;
using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Tests.Http;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Tests.Armour;

/// <summary>A schema priced in its SDL with the cost directive specification's @cost and @listSize, served over HTTP.</summary>
public sealed class CostDirectivesHostFixture : IAsyncLifetime
{
    private const string Sdl = CostDirectives.Sdl + """

        type Query {
          cases(first: Int, last: Int): [Case!]! @listSize(slicingArguments: ["first", "last"])
          search(term: String @cost(weight: "3"), first: Int = 5): CaseConnection! @listSize(slicingArguments: ["first"], sizedFields: ["edges"])
          court: Court @cost(weight: "2.5")
          courts: [Court!]! @listSize(assumedSize: 7)
          parties(first: Int, last: Int): [Party!]! @listSize(slicingArguments: ["first", "last"], requireOneSlicingArgument: false)
          filtered(filter: CaseFilter): [Case!]! @listSize(assumedSize: 1)
        }

        input CaseFilter { court: String @cost(weight: "2") text: String dates: [DateRange!] }
        input DateRange { from: String @cost(weight: "0.5") to: String }

        type Case @cost(weight: "4") { id: ID! }
        type CaseConnection { edges: [CaseEdge!]! totalCount: Int! }
        type CaseEdge { node: Case! cursor: String! }
        type Court { name: String! }
        type Party { name: String! }
        """;

    internal GraphQLTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var root = new Dictionary<string, object?>
        {
            ["cases"] = Array.Empty<object>(),
            ["search"] = new Dictionary<string, object?> { ["edges"] = Array.Empty<object>(), ["totalCount"] = 0 },
            ["court"] = new Dictionary<string, object?> { ["name"] = "Beijing No. 1 Intermediate People's Court" },
            ["courts"] = Array.Empty<object>(),
            ["parties"] = Array.Empty<object>(),
            ["filtered"] = Array.Empty<object>(),
        };
        var options = new GraphQLEngineOptions { Execution = new ExecutionOptions { RootValue = root } }
            .WithArmour(new ArmourOptions { Cost = new CostOptions { MaxCost = 1000 } });
        Host = await GraphQLTestHost.StartAsync(new GraphQLEngine(BuildAstSchema.BuildSchema(Sdl), options));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class CostDirectivesTests(CostDirectivesHostFixture fixture) : IClassFixture<CostDirectivesHostFixture>
{
    [Theory]
    // A list of a type with @cost 4: its length times 4.
    [InlineData("{ cases(first: 3) { id } }", 12)]
    [InlineData("{ cases(last: 2) { id } }", 8)]
    // @cost on the argument adds once; sizedFields: the connection counts once, its edges take the slice.
    // 1 (connection) + 4 × (1 edge + 4 case) + 3 (term) = 24
    [InlineData("""{ search(term: "x", first: 4) { totalCount edges { node { id } cursor } } }""", 24)]
    // The argument's default is the slice when the request gives none: 1 + 5 × 5 = 26.
    [InlineData("{ search { edges { node { id } } } }", 26)]
    [InlineData("{ court { name } }", 2.5)]
    [InlineData("{ courts { name } }", 7)]
    // Without requireOneSlicingArgument both may be given; the larger one counts.
    [InlineData("{ parties(first: 2, last: 6) { name } }", 6)]
    [InlineData("query($n: Int) { cases(first: $n) { id } }", 0)]
    // Input fields weigh their @cost when the request fills them in: 4 + 2 (court) + 2 × 0.5 (from).
    [InlineData("""{ filtered(filter: {court: "x", text: "y", dates: [{from: "a"}, {from: "b", to: "c"}]}) { id } }""", 7)]
    [InlineData("""{ filtered(filter: {text: "y"}) { id } }""", 4)]
    [InlineData("query($f: CaseFilter) { filtered(filter: $f) { id } }", 6.5)]
    public async Task Directives_in_the_sdl_price_the_operation(string query, double expected)
    {
        var variables = new { n = 0, f = new { court = "x", dates = new[] { new { from = "a" } } } };
        var response = await fixture.Host.PostAsync(new { query, variables, extensions = new { cost = true } });

        Assert.Equal(200, response.Status);
        Assert.Equal(expected, response.Json.GetProperty("extensions").GetProperty("cost").GetProperty("requested").GetDouble());
    }

    [Theory]
    [InlineData("{ cases(first: 3, last: 2) { id } }", "2 given")]
    [InlineData("{ cases { id } }", "0 given")]
    public async Task Require_one_slicing_argument_refuses_none_or_several(string query, string given)
    {
        var response = await fixture.Host.PostAsync(new { query });

        Assert.Equal(400, response.Status);
        Assert.False(response.HasData);
        Assert.Equal(CostAnalysis.SlicingArgumentRequired, response.FirstErrorCode);
        Assert.Contains(given, response.FirstError.GetProperty("message").GetString());
    }
}
