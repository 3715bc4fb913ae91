using System.Net.Http.Headers;
using System.Text;
using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Http;

namespace Transparency.GraphQL.Tests.Http;

/// <summary>One engine served over real HTTP for every test of <see cref="GraphQLHttpTests"/>.</summary>
public sealed class HttpHostFixture : IAsyncLifetime
{
    internal HttpTestSchema Schema { get; } = new();

    internal GraphQLTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await GraphQLTestHost.StartAsync(
            new GraphQLEngine(Schema.Build()),
            new GraphQLHttpOptions { MaxRequestBodySize = 2048 });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>GraphQL over HTTP (graphql/graphql-over-http) as a client on the network sees it.</summary>
public sealed class GraphQLHttpTests(HttpHostFixture fixture) : IClassFixture<HttpHostFixture>
{
    private const string Json = "application/json";
    private const string GraphQLJson = GraphQLTestHost.GraphQLResponseJson;

    private GraphQLTestHost Host => fixture.Host;

    [Fact]
    public async Task Post_with_graphql_response_json_answers_200_in_that_media_type()
    {
        var response = await Host.PostAsync(new { query = "{ cases(first: 2) { id parties(first: 1) { name } } }" }, GraphQLJson);

        Assert.Equal(200, response.Status);
        Assert.Equal("application/graphql-response+json; charset=utf-8", response.ContentType);
        Assert.Equal("""{"data":{"cases":[{"id":"case-1","parties":[{"name":"case-1-party-1"}]},{"id":"case-2","parties":[{"name":"case-2-party-1"}]}]}}""", response.Body);
    }

    [Fact]
    public async Task Post_with_variables_and_operation_name_runs_the_named_operation()
    {
        var response = await Host.PostAsync(
            new
            {
                query = "query A { hello } query B($who: String) { hello(name: $who) }",
                operationName = "B",
                variables = new { who = "court" },
                extensions = new { some = "value" },
            },
            Json);

        Assert.Equal(200, response.Status);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Equal("""{"data":{"hello":"hello court"}}""", response.Body);
    }

    [Theory]
    [InlineData(null, Json)]
    [InlineData("application/json", Json)]
    [InlineData("application/graphql-response+json", GraphQLJson)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("application/json, application/graphql-response+json", GraphQLJson)]
    [InlineData("application/graphql-response+json;q=0.8, application/json;q=0.9", Json)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLJson)]
    [InlineData("text/html, application/graphql-response+json;q=0.5", GraphQLJson)]
    [InlineData("application/graphql-response+json;q=0, */*;q=0.1", Json)]
    [InlineData("application/json; charset=utf-8", Json)]
    [InlineData("application/json; charset=iso-8859-1, application/graphql-response+json; charset=UTF-8", GraphQLJson)]
    public async Task The_response_media_type_is_the_accepted_one_of_highest_quality(string? accept, string expected)
    {
        var response = await Host.PostAsync(new { query = "{ hello }" }, accept);

        Assert.Equal(200, response.Status);
        Assert.Equal(expected + "; charset=utf-8", response.ContentType);
        Assert.Equal("""{"data":{"hello":"hello world"}}""", response.Body);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/*")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json;q=0")]
    public async Task Nothing_acceptable_is_406_with_a_graphql_error_body(string accept)
    {
        var response = await Host.PostAsync(new { query = "{ hello }" }, accept);

        Assert.Equal(406, response.Status);
        Assert.StartsWith(Json, response.ContentType);
        Assert.Contains("Accept", response.FirstError.GetProperty("message").GetString());
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task Get_reads_query_variables_operation_name_and_extensions_from_the_url()
    {
        var response = await Host.GetAsync(
            new Dictionary<string, string>
            {
                ["query"] = "query Other { hello } query Named($n: Int) { cases(first: $n) { id } }",
                ["operationName"] = "Named",
                ["variables"] = """{"n": 1}""",
                ["extensions"] = """{"some": "value"}""",
            },
            GraphQLJson);

        Assert.Equal(200, response.Status);
        Assert.Equal("""{"data":{"cases":[{"id":"case-1"}]}}""", response.Body);
    }

    [Fact]
    public async Task A_mutation_over_get_is_refused_405_with_allow_post_and_not_run()
    {
        var before = fixture.Schema.NotesAdded;

        var response = await Host.GetAsync(new Dictionary<string, string> { ["query"] = """mutation { addNote(text: "x") }""" }, GraphQLJson);

        Assert.Equal(405, response.Status);
        Assert.Equal("POST", response.Allow);
        Assert.False(response.HasData);
        Assert.Contains("POST", response.FirstError.GetProperty("message").GetString());
        Assert.Equal(before, fixture.Schema.NotesAdded);
    }

    [Fact]
    public async Task A_mutation_over_post_runs()
    {
        var response = await Host.PostAsync(new { query = """mutation { addNote(text: "seized") }""" });

        Assert.Equal(200, response.Status);
        Assert.Equal("""{"data":{"addNote":"noted: seized"}}""", response.Body);
    }

    [Fact]
    public async Task A_query_document_with_a_mutation_selected_over_get_is_refused()
    {
        var response = await Host.GetAsync(
            new Dictionary<string, string> { ["query"] = """query Q { hello } mutation M { addNote(text: "x") }""", ["operationName"] = "M" },
            Json);

        Assert.Equal(405, response.Status);
        Assert.Equal("POST", response.Allow);
    }

    [Fact]
    public async Task Other_methods_are_405_with_allow_get_and_post()
    {
        var response = await Host.SendAsync(HttpMethod.Put, Host.Url, new StringContent("""{"query":"{ hello }"}""", Encoding.UTF8, Json), Json);

        Assert.Equal(405, response.Status);
        Assert.Equal("GET, POST", response.Allow);
        Assert.NotNull(response.FirstErrorCode);
    }

    [Theory]
    [InlineData(GraphQLJson, 400)]
    [InlineData(Json, 200)]
    public async Task A_document_that_does_not_parse_is_400_in_graphql_response_json_and_200_in_json(string accept, int status)
    {
        var response = await Host.PostAsync(new { query = "{ cases(" }, accept);

        Assert.Equal(status, response.Status);
        Assert.False(response.HasData);
        Assert.Equal(ErrorCodes.ParseFailed, response.FirstErrorCode);
        Assert.StartsWith("Syntax Error", response.FirstError.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(GraphQLJson, 400)]
    [InlineData(Json, 200)]
    public async Task A_document_that_fails_validation_is_400_in_graphql_response_json_and_200_in_json(string accept, int status)
    {
        var response = await Host.PostAsync(new { query = "{ cases { nope } }" }, accept);

        Assert.Equal(status, response.Status);
        Assert.False(response.HasData);
        Assert.Equal(ErrorCodes.ValidationFailed, response.FirstErrorCode);
        Assert.Contains("nope", response.FirstError.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(GraphQLJson, 400)]
    [InlineData(Json, 200)]
    public async Task Variables_that_do_not_coerce_are_400_in_graphql_response_json_and_200_in_json(string accept, int status)
    {
        var response = await Host.PostAsync(new { query = "query($n: Int!) { cases(first: $n) { id } }", variables = new { n = "many" } }, accept);

        Assert.Equal(status, response.Status);
        Assert.False(response.HasData);
        Assert.Contains("$n", response.FirstError.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(GraphQLJson, 400)]
    [InlineData(Json, 200)]
    public async Task An_unknown_operation_name_is_400_in_graphql_response_json_and_200_in_json(string accept, int status)
    {
        var response = await Host.PostAsync(new { query = "query A { hello }", operationName = "B" }, accept);

        Assert.Equal(status, response.Status);
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task Field_errors_are_a_200_with_data()
    {
        var response = await Host.PostAsync(new { query = """{ hello slow(ms: -2) }""" }, GraphQLJson);

        Assert.Equal(200, response.Status);
        Assert.Equal("hello world", response.Data.GetProperty("hello").GetString());
        Assert.Equal("slow", response.FirstError.GetProperty("path")[0].GetString());
    }

    [Theory]
    [InlineData(GraphQLJson)]
    [InlineData(Json)]
    public async Task Malformed_json_is_400_with_a_graphql_error_body(string accept)
    {
        var response = await Host.PostRawAsync("""{ "query": "{ hello }" """, Json, accept);

        Assert.Equal(400, response.Status);
        Assert.StartsWith(accept, response.ContentType);
        Assert.False(response.HasData);
        Assert.Equal(ErrorCodes.BadRequest, response.FirstErrorCode);
        Assert.Contains("not valid JSON", response.FirstError.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"query": 1}""")]
    [InlineData("""{"query": "{ hello }", "variables": [7]}""")]
    [InlineData("""{"query": "{ hello }", "operationName": false}""")]
    [InlineData("""{"query": "{ hello }", "extensions": "x"}""")]
    [InlineData("""["{ hello }"]""")]
    [InlineData("""{"qeury": "{ hello }"}""")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_graphql_request_is_400(string body)
    {
        var response = await Host.PostRawAsync(body, Json, Json);

        Assert.Equal(400, response.Status);
        Assert.False(response.HasData);
        Assert.Equal(ErrorCodes.BadRequest, response.FirstErrorCode);
    }

    [Fact]
    public async Task A_get_without_a_query_is_400()
    {
        var response = await Host.GetAsync(new Dictionary<string, string> { ["variables"] = "{}" }, Json);

        Assert.Equal(400, response.Status);
        Assert.Equal(ErrorCodes.BadRequest, response.FirstErrorCode);
    }

    [Fact]
    public async Task Get_variables_that_are_not_json_are_400()
    {
        var response = await Host.GetAsync(new Dictionary<string, string> { ["query"] = "{ hello }", ["variables"] = "{n:1" }, Json);

        Assert.Equal(400, response.Status);
        Assert.Contains("variables", response.FirstError.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task A_post_body_that_is_not_utf8_json_is_415(string? contentType)
    {
        var response = await Host.PostRawAsync("""{"query":"{ hello }"}""", contentType, GraphQLJson);

        Assert.Equal(415, response.Status);
        Assert.StartsWith(GraphQLJson, response.ContentType);
        Assert.Equal(ErrorCodes.BadRequest, response.FirstErrorCode);
    }

    [Fact]
    public async Task A_json_content_type_with_utf8_charset_is_accepted()
    {
        var response = await Host.PostRawAsync("""{"query":"{ hello(name: \"法院\") }"}""", "application/json; charset=UTF-8", GraphQLJson);

        Assert.Equal(200, response.Status);
        Assert.Equal("""{"data":{"hello":"hello 法院"}}""", response.Body);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var query = "{ hello(name: \"" + new string('x', 4096) + "\") }";

        var response = await Host.PostAsync(new { query }, GraphQLJson);

        Assert.Equal(413, response.Status);
        Assert.False(response.HasData);
        Assert.Contains("2048 bytes", response.FirstError.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413_too()
    {
        // No Content-Length: the limit is found while reading.
        var bytes = Encoding.UTF8.GetBytes("{\"query\": \"{ hello(name: \\\"" + new string('x', 4096) + "\\\") }\"}");
        using var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue(Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, Host.Url) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var raw = await Host.Client.SendAsync(request);
        var response = await GraphQLResponse.ReadAsync(raw);

        Assert.Equal(413, response.Status);
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task A_body_just_under_the_limit_runs()
    {
        var padding = new string(' ', 2048 - """{"query":"{ hello }"}""".Length);
        var response = await Host.PostRawAsync("""{"query":"{ hello }"}""" + padding, Json, GraphQLJson);

        Assert.Equal(200, response.Status);
    }
}
