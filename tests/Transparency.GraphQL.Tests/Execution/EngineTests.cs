using System.Text.Json;
using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Language;
using static Transparency.GraphQL.Tests.Execution.ExecutionTestSchema;

namespace Transparency.GraphQL.Tests.Execution;

public sealed class EngineTests
{
    private readonly GraphQLEngine _engine = new(Create());

    [Fact]
    public async Task A_syntax_error_is_a_request_error_without_data()
    {
        var result = await _engine.ExecuteAsync(new GraphQLRequest("{ hello"));
        Assert.Equal(ExecutionOutcome.SyntaxError, result.Outcome);
        Assert.False(result.HasData);
        Assert.Equal(
            """{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":8}],"extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]}""",
            result.ToJson());
    }

    [Fact]
    public async Task A_validation_error_is_a_request_error_without_data()
    {
        var result = await _engine.ExecuteAsync(new GraphQLRequest("{ nope }"));
        Assert.Equal(ExecutionOutcome.ValidationError, result.Outcome);
        Assert.False(result.HasData);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Cannot query field \"nope\" on type \"Query\".", error.Message);
        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
    }

    [Fact]
    public async Task A_missing_query_is_a_request_error()
    {
        var result = await _engine.ExecuteAsync(new GraphQLRequest());
        Assert.Equal(ExecutionOutcome.MissingQuery, result.Outcome);
        Assert.Equal("Must provide query string.", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData(null, "Must provide operation name if query contains multiple operations.")]
    [InlineData("C", "Unknown operation named \"C\".")]
    public async Task The_operation_must_be_identifiable(string? name, string message)
    {
        var result = await _engine.ExecuteAsync(new GraphQLRequest("query A { hello } query B { hello }", operationName: name));
        Assert.Equal(ExecutionOutcome.OperationNotFound, result.Outcome);
        Assert.Equal(message, Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task The_named_operation_runs()
    {
        var result = await _engine.ExecuteAsync(new GraphQLRequest("query A { a: hello } query B { b: hello }", operationName: "B"));
        Assert.Equal("""{"data":{"b":"hello world"}}""", result.ToJson());
        Assert.Equal("B", result.Operation?.Name?.Value);
    }

    [Fact]
    public async Task Prepared_documents_are_cached_by_query_text_and_bounded()
    {
        var engine = new GraphQLEngine(Create(), new GraphQLEngineOptions { MaxCachedDocuments = 8 });
        Assert.Same(engine.Prepare("{ hello }"), engine.Prepare("{ hello }"));
        for (var i = 0; i < 50; i++)
        {
            await engine.ExecuteAsync(new GraphQLRequest($"{{ a{i}: hello }}"));
        }

        Assert.InRange(engine.CachedDocumentCount, 1, 8);
    }

    [Fact]
    public async Task Extra_validation_rules_run_after_the_specified_ones()
    {
        var engine = new GraphQLEngine(Create(), new GraphQLEngineOptions
        {
            ValidationRules = [(_, document) => document.TokenCount > 5 ? [new GraphQLError("Too many tokens.")] : []],
        });
        Assert.Equal(ExecutionOutcome.Executed, (await engine.ExecuteAsync(new GraphQLRequest("{ hello }"))).Outcome);
        var refused = await engine.ExecuteAsync(new GraphQLRequest("{ hello thing { ok } }"));
        Assert.Equal(ExecutionOutcome.ValidationError, refused.Outcome);
        Assert.Equal("Too many tokens.", Assert.Single(refused.Errors).Message);
    }

    [Fact]
    public async Task An_operation_check_sees_the_operation_and_can_refuse_it()
    {
        var log = new List<int>();
        var engine = new GraphQLEngine(Create(log));
        OperationCheck noMutations = context => context.Operation.Operation == OperationType.Mutation
            ? new GraphQLError("Mutations are not allowed over GET.", [context.Operation])
            : null;
        var refused = await engine.ExecuteAsync(new GraphQLRequest("mutation { append(v: 1) }"), null, noMutations);
        Assert.Equal(ExecutionOutcome.Rejected, refused.Outcome);
        Assert.False(refused.HasData);
        Assert.Empty(log);
        var allowed = await engine.ExecuteAsync(new GraphQLRequest("{ hello }"), null, noMutations);
        Assert.Equal(ExecutionOutcome.Executed, allowed.Outcome);
    }

    [Fact]
    public async Task Requests_read_from_json_carry_json_variables()
    {
        using var body = JsonDocument.Parse("""{"query":"query ($x: Int!, $i: In) { int(x: $x) echo(i: $i) }","variables":{"x":7,"i":{"a":1,"b":["p","q"]}},"operationName":null}""");
        var request = GraphQLRequest.FromJson(body.RootElement);
        var result = await _engine.ExecuteAsync(request);
        Assert.Equal("""{"data":{"int":7,"echo":"{a:1,b:[p,q],c:c default}"}}""", result.ToJson());
    }

    [Fact]
    public void A_request_member_of_the_wrong_type_is_refused()
    {
        using var body = JsonDocument.Parse("""{"query":1}""");
        var error = Assert.Throws<GraphQLRequestException>(() => GraphQLRequest.FromJson(body.RootElement));
        Assert.Equal("The \"query\" parameter must be a string.", error.Message);
    }

    [Fact]
    public async Task Extensions_are_written_last_and_chinese_text_is_not_escaped()
    {
        var result = await _engine.ExecuteAsync(new GraphQLRequest("""{ hello(name: "终本") }"""));
        result.Extensions = new Dictionary<string, object?> { ["cost"] = 1 };
        Assert.Equal("""{"data":{"hello":"hello 终本"},"extensions":{"cost":1}}""", result.ToJson());
    }

    [Fact]
    public async Task Results_stream_to_a_stream()
    {
        var result = await _engine.ExecuteAsync(new GraphQLRequest("{ hello }"));
        using var stream = new MemoryStream();
        await ResultWriter.WriteAsync(stream, result);
        Assert.Equal("""{"data":{"hello":"hello world"}}""", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task A_cancelled_request_stops_with_an_exception()
    {
        using var cancellation = new CancellationTokenSource();
        var running = _engine.ExecuteAsync(new GraphQLRequest("{ hello slow }"), null, cancellation.Token).AsTask();
        await Task.Delay(20);
        Assert.False(running.IsCompleted);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task A_resolver_that_ignores_its_token_does_not_hold_the_response_past_the_timeout()
    {
        var release = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var query = new Types.ObjectType("Query", [new Types.FieldDefinition("stuck", Types.Scalars.String) { Resolve = _ => new ValueTask<object?>(release.Task) }]);
        var engine = new GraphQLEngine(new Types.GraphQLSchema(query), new GraphQLEngineOptions { Execution = new ExecutionOptions { Timeout = TimeSpan.FromMilliseconds(50) } });
        var result = await engine.ExecuteAsync(new GraphQLRequest("{ stuck }")).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ErrorCodes.Timeout, Assert.Single(result.Errors).Code);
        release.SetResult("late");
    }

    [Fact]
    public async Task A_timed_out_execution_answers_a_timeout_error()
    {
        var engine = new GraphQLEngine(Create(), new GraphQLEngineOptions { Execution = new ExecutionOptions { Timeout = TimeSpan.FromMilliseconds(50) } });
        var result = await engine.ExecuteAsync(new GraphQLRequest("{ hello slow }"));
        Assert.Equal("""{"errors":[{"message":"Execution timed out after 50 ms.","extensions":{"code":"TIMEOUT"}}],"data":null}""", result.ToJson());
    }
}
