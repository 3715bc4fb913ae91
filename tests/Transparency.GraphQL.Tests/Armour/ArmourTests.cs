using System.Diagnostics;
using Transparency.GraphQL.Armour;
using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Tests.Http;

namespace Transparency.GraphQL.Tests.Armour;

/// <summary>The test schema served with the public endpoint's armour, tightened so tests reach every limit.</summary>
public sealed class ArmouredHostFixture : IAsyncLifetime
{
    public static readonly ArmourOptions Armour = new()
    {
        MaxDepth = 5,
        MaxAliases = 3,
        Timeout = TimeSpan.FromMilliseconds(300),
        Cost = new CostOptions
        {
            MaxCost = 100,
            Weights = new Dictionary<string, double> { ["Query.slow"] = 5 },
            ListSizes = new Dictionary<string, ListSizeSpec>
            {
                ["Query.cases"] = new(AssumedSize: 50, SlicingArguments: ["first", "last"], SizedFields: [], RequireOneSlicingArgument: false),
            },
        },
    };

    internal GraphQLTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await GraphQLTestHost.StartAsync(new GraphQLEngine(new HttpTestSchema().Build(), new GraphQLEngineOptions().WithArmour(Armour)));

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>Cost, depth, alias and time limits, and the cost report, as a client over HTTP meets them.</summary>
public sealed class ArmourTests(ArmouredHostFixture fixture) : IClassFixture<ArmouredHostFixture>
{
    private static readonly object AskForCost = new { cost = true };

    private GraphQLTestHost Host => fixture.Host;

    [Fact]
    public async Task A_client_asking_with_extensions_cost_gets_the_price_in_the_response_extensions()
    {
        // cases: 3 × (Case 1 + parties: 2 × Party 1) = 9
        var response = await Host.PostAsync(new { query = "{ cases(first: 3) { id parties(first: 2) { name } } }", extensions = AskForCost });

        Assert.Equal(200, response.Status);
        Assert.Equal(3, response.Data.GetProperty("cases").GetArrayLength());
        Assert.Equal("""{"requested":9,"maximum":100}""", response.Json.GetProperty("extensions").GetProperty("cost").GetRawText());
    }

    [Fact]
    public async Task Without_asking_there_is_no_cost_in_the_response()
    {
        var response = await Host.PostAsync(new { query = "{ cases(first: 3) { id } }" });

        Assert.Equal(200, response.Status);
        Assert.False(response.Json.TryGetProperty("extensions", out _));
    }

    [Fact]
    public async Task The_cost_can_be_asked_for_over_get()
    {
        var response = await Host.GetAsync(new Dictionary<string, string>
        {
            ["query"] = "{ cases(first: 4) { id } }",
            ["extensions"] = """{"cost":true}""",
        });

        Assert.Equal(200, response.Status);
        Assert.Equal(4, response.Json.GetProperty("extensions").GetProperty("cost").GetProperty("requested").GetDouble());
    }

    [Theory]
    [InlineData("""{"n": 2}""", 2)]
    [InlineData("""{"n": 7}""", 7)]
    [InlineData("{}", 100)]
    [InlineData("""{"n": null}""", 50)]
    public async Task A_variable_costs_what_it_carries_not_more(string variables, double expected)
    {
        // The default (100) prices only a request that leaves $n out; null means no slice: the assumed 50.
        var response = await Host.PostAsync(new
        {
            query = "query($n: Int = 100) { cases(first: $n) { id } }",
            variables = System.Text.Json.JsonDocument.Parse(variables).RootElement,
            extensions = AskForCost,
        });

        Assert.Equal(200, response.Status);
        Assert.Equal(expected, response.Json.GetProperty("extensions").GetProperty("cost").GetProperty("requested").GetDouble());
    }

    [Fact]
    public async Task A_list_without_a_slicing_argument_costs_its_assumed_size()
    {
        var response = await Host.PostAsync(new { query = "{ cases { id } }", extensions = AskForCost });

        Assert.Equal(50, response.Json.GetProperty("extensions").GetProperty("cost").GetProperty("requested").GetDouble());
    }

    [Fact]
    public async Task Fragments_and_skipped_fields_are_priced_with_the_request_values()
    {
        // cases(first: 2) through a fragment = 2; the skipped 90 costs nothing; slow weighs 5.
        var response = await Host.PostAsync(new
        {
            query = "query($skip: Boolean!) { ...Page big: cases(first: 90) @skip(if: $skip) { id } slow(ms: 1) } fragment Page on Query { cases(first: 2) { id } }",
            variables = new { skip = true },
            extensions = AskForCost,
        });

        Assert.Equal(200, response.Status);
        Assert.Equal(7, response.Json.GetProperty("extensions").GetProperty("cost").GetProperty("requested").GetDouble());
    }

    [Theory]
    [InlineData(GraphQLTestHost.GraphQLResponseJson, 400)]
    [InlineData("application/json", 200)]
    public async Task An_operation_over_the_maximum_cost_is_refused_before_it_runs(string accept, int status)
    {
        // 30 × (1 + 5 × 1) = 180 > 100
        var response = await Host.PostAsync(new { query = "{ cases(first: 30) { id similar(first: 5) { id } } }", extensions = AskForCost }, accept);

        Assert.Equal(status, response.Status);
        Assert.False(response.HasData);
        var error = response.FirstError;
        Assert.Equal(CostAnalysis.CostLimitExceeded, response.FirstErrorCode);
        Assert.Equal("The operation costs 180, more than the maximum cost of 100.", error.GetProperty("message").GetString());
        Assert.Equal(180, error.GetProperty("extensions").GetProperty("cost").GetDouble());
        Assert.Equal(100, error.GetProperty("extensions").GetProperty("maxCost").GetDouble());
        Assert.Equal(180, response.Json.GetProperty("extensions").GetProperty("cost").GetProperty("requested").GetDouble());
    }

    [Fact]
    public async Task A_variable_over_the_maximum_is_refused_and_the_same_document_runs_with_a_small_one()
    {
        const string query = "query($n: Int!) { cases(first: $n) { id } }";

        var refused = await Host.PostAsync(new { query, variables = new { n = 101 } });
        var allowed = await Host.PostAsync(new { query, variables = new { n = 100 } });

        Assert.Equal(400, refused.Status);
        Assert.Equal(CostAnalysis.CostLimitExceeded, refused.FirstErrorCode);
        Assert.Equal(200, allowed.Status);
        Assert.Equal(100, allowed.Data.GetProperty("cases").GetArrayLength());
    }

    [Fact]
    public async Task Nesting_deeper_than_the_maximum_depth_is_a_validation_error()
    {
        var response = await Host.PostAsync(new
        {
            query = "{ cases(first: 1) { similar { ...Deep } } } fragment Deep on Case { similar { similar { similar { id } } } }",
        });

        Assert.Equal(400, response.Status);
        Assert.False(response.HasData);
        Assert.Equal(ArmourRules.DepthLimitExceeded, response.FirstErrorCode);
        Assert.Equal("The operation is 6 fields deep, more than the maximum depth of 5.", response.FirstError.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Nesting_at_the_maximum_depth_runs()
    {
        var response = await Host.PostAsync(new { query = "{ cases(first: 1) { similar(first: 1) { similar(first: 1) { similar(first: 1) { id } } } } }" });

        Assert.Equal(200, response.Status);
        Assert.Equal("case-1", response.Data.GetProperty("cases")[0].GetProperty("similar")[0].GetProperty("similar")[0].GetProperty("similar")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task More_aliases_than_allowed_is_a_validation_error()
    {
        var allowed = await Host.PostAsync(new { query = "{ a: hello b: hello c: hello }" });
        var refused = await Host.PostAsync(new { query = "{ a: hello b: hello ...More } fragment More on Query { c: hello d: hello }" });

        Assert.Equal(200, allowed.Status);
        Assert.Equal(400, refused.Status);
        Assert.Equal(ArmourRules.AliasLimitExceeded, refused.FirstErrorCode);
        Assert.Equal("The operation uses 4 aliases, more than the maximum of 3.", refused.FirstError.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_public_defaults_let_graphql_js_full_introspection_query_through()
    {
        // graphql-js 17 getIntrospectionQuery with every option, stripped of ignored characters:
        // 15 fields deep at its deepest (TypeRef's ofType chain).
        const string introspection = """
            query IntrospectionQuery{__schema{description queryType{name kind}mutationType{name kind}subscriptionType{name kind}types{...FullType}directives{name description isRepeatable locations args(includeDeprecated:true){...InputValue}}}}fragment FullType on __Type{kind name description specifiedByURL isOneOf fields(includeDeprecated:true){name description args(includeDeprecated:true){...InputValue}type{...TypeRef}isDeprecated deprecationReason}inputFields(includeDeprecated:true){...InputValue}interfaces{...TypeRef}enumValues(includeDeprecated:true){name description isDeprecated deprecationReason}possibleTypes{...TypeRef}}fragment InputValue on __InputValue{name description type{...TypeRef}defaultValue isDeprecated deprecationReason}fragment TypeRef on __Type{kind name ofType{name kind ofType{name kind ofType{name kind ofType{name kind ofType{name kind ofType{name kind ofType{name kind ofType{name kind ofType{name kind}}}}}}}}}}
            """;
        var engine = new GraphQLEngine(new HttpTestSchema().Build(), new GraphQLEngineOptions().WithArmour(new ArmourOptions()));
        await using var host = await GraphQLTestHost.StartAsync(engine);

        var response = await host.PostAsync(new { query = introspection, extensions = AskForCost });

        Assert.Equal(200, response.Status);
        Assert.Equal("Query", response.Data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
        Assert.Equal(0, response.Json.GetProperty("extensions").GetProperty("cost").GetProperty("requested").GetDouble());
    }

    [Fact]
    public async Task An_operation_running_past_the_timeout_is_stopped_with_a_timeout_error()
    {
        var clock = Stopwatch.StartNew();

        var response = await Host.PostAsync(new { query = "{ slow(ms: 20000) }" });

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(200, response.Status);
        Assert.True(response.HasData);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.ValueKind);
        Assert.Equal(ErrorCodes.Timeout, response.FirstErrorCode);
        Assert.Equal("Execution timed out after 300 ms.", response.FirstError.GetProperty("message").GetString());
    }
}
