using Transparency.GraphQL.Execution;
using static Transparency.GraphQL.Tests.Execution.ExecutionTestSchema;

namespace Transparency.GraphQL.Tests.Execution;

/// <summary>Variable coercion errors, worded as graphql-js 17.1 words them (each expected message is what graphql-js 17.1 answers for the same schema and input).</summary>
public sealed class VariablesTests
{
    private readonly GraphQLEngine _engine = new(Create());

    private async Task<ExecutionResult> Run(string query, Dictionary<string, object?> variables) =>
        await _engine.ExecuteAsync(new GraphQLRequest(query, variables));

    [Theory]
    [InlineData(false, null, "Variable \"$x\" has invalid value: Expected a value of non-null type \"Int!\" to be provided.")]
    [InlineData(true, null, "Variable \"$x\" has invalid value: Expected value of non-null type \"Int!\" not to be null.")]
    [InlineData(true, "a", "Variable \"$x\" has invalid value: Int cannot represent non-integer value: \"a\"")]
    public async Task A_required_variable_must_be_given_and_valid(bool given, object? value, string message)
    {
        var variables = new Dictionary<string, object?>();
        if (given)
        {
            variables["x"] = value;
        }

        var result = await Run("query ($x: Int!) { int(x: $x) }", variables);
        Assert.Equal(ExecutionOutcome.VariableError, result.Outcome);
        Assert.False(result.HasData);
        var error = Assert.Single(result.Errors);
        Assert.Equal(message, error.Message);
        Assert.Equal(ErrorCodes.BadUserInput, error.Code);
        Assert.Equal((1, 8), (error.Locations![0].Line, error.Locations[0].Column));
    }

    [Fact]
    public async Task Every_problem_of_an_input_object_is_reported_with_its_path()
    {
        var value = new Dictionary<string, object?> { ["b"] = new object?[] { 1, null }, ["d"] = 1 };
        var result = await Run("query ($i: In) { echo(i: $i) }", new() { ["i"] = value });
        Assert.Equal(
            [
                "Variable \"$i\" has invalid value: Expected value of type \"In\" to include required field \"a\", found: { b: [1, null], d: 1 }.",
                "Variable \"$i\" has invalid value at .b[0]: String cannot represent a non string value: 1",
                "Variable \"$i\" has invalid value at .b[1]: Expected value of non-null type \"String!\" not to be null.",
                "Variable \"$i\" has invalid value: Expected value of type \"In\" not to include unknown field \"d\". Did you mean \"a\", \"b\", or \"c\"? Found: { b: [1, null], d: 1 }.",
            ],
            result.Errors.Select(e => e.Message));
    }

    [Fact]
    public async Task A_single_value_is_coerced_to_a_list_of_one_and_defaults_apply()
    {
        var result = await Run("query ($i: In, $n: String = \"dflt\") { echo(i: $i) hello(name: $n) }", new() { ["i"] = new Dictionary<string, object?> { ["a"] = 3, ["b"] = "one" } });
        Assert.Equal("""{"data":{"echo":"{a:3,b:[one],c:c default}","hello":"hello dflt"}}""", result.ToJson());
    }

    [Fact]
    public async Task An_enum_variable_takes_the_value_name()
    {
        var ok = await Run("query ($c: Color) { color(c: $c) }", new() { ["c"] = "RED" });
        Assert.Equal("""{"data":{"color":"RED"}}""", ok.ToJson());
        var bad = await Run("query ($c: Color) { color(c: $c) }", new() { ["c"] = "BLUE" });
        Assert.Equal("Variable \"$c\" has invalid value: Value \"BLUE\" does not exist in \"Color\" enum.", Assert.Single(bad.Errors).Message);
    }

    [Fact]
    public async Task An_omitted_nullable_variable_leaves_the_argument_to_its_default()
    {
        var result = await Run("query ($n: String) { hello(name: $n) }", []);
        Assert.Equal("""{"data":{"hello":"hello world"}}""", result.ToJson());
        var explicitNull = await Run("query ($n: String) { hello(name: $n) }", new() { ["n"] = null });
        Assert.Equal("""{"data":{"hello":"hello "}}""", explicitNull.ToJson());
    }

    [Fact]
    public async Task A_null_variable_in_a_non_null_argument_is_a_field_error_at_the_value()
    {
        var result = await Run("query ($x: Int = 1) { int(x: $x) }", new() { ["x"] = null });
        Assert.Equal(
            """{"errors":[{"message":"Argument \"Query.int(x:)\" has invalid value: Expected variable \"$x\" provided to non-null type \"Int!\" not to be null.","locations":[{"line":1,"column":30}],"path":["int"],"extensions":{"code":"BAD_USER_INPUT"}}],"data":{"int":null}}""",
            result.ToJson());
    }
}
