using System.Text.Json;
using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Language;
using Transparency.GraphQL.Utilities;
using Transparency.GraphQL.Validation;

namespace Transparency.GraphQL.Tests.Fuzz;

/// <summary>What the fuzz test found, pinned down as plain cases.</summary>
public sealed class FuzzFindingsTests
{
    private static readonly Types.GraphQLSchema Schema = BuildAstSchema.BuildSchema("""
        type Query {
          echo(text: String): String
          count(n: Int!): Int
          f(x: In, s: String): Query
        }

        input In {
          a: In
          b: Int
        }
        """);

    // JSON allows an escape naming a lone surrogate, and JSON.parse keeps it; GetString throws.
    [Fact]
    public async Task Json_variables_with_lone_surrogates_are_coerced_not_thrown()
    {
        using var variables = JsonDocument.Parse("""{"text": "\ud800 alone", "n": "\udc00", "obj": {"\ud800": 1}}""");
        var engine = new GraphQLEngine(Schema);

        var text = await engine.ExecuteAsync(new GraphQLRequest(
            "query($text: String) { echo(text: $text) }",
            new Dictionary<string, object?> { ["text"] = variables.RootElement.GetProperty("text") }));
        var count = await engine.ExecuteAsync(new GraphQLRequest(
            "query($n: Int!) { count(n: $n) }",
            new Dictionary<string, object?> { ["n"] = variables.RootElement.GetProperty("n") }));
        var input = await engine.ExecuteAsync(new GraphQLRequest(
            "query($x: In) { f(x: $x) { __typename } }",
            new Dictionary<string, object?> { ["x"] = variables.RootElement.GetProperty("obj") }));

        Assert.Equal(ExecutionOutcome.Executed, text.Outcome);
        Assert.Equal(ExecutionOutcome.VariableError, count.Outcome);
        Assert.StartsWith("Variable \"$n\" has invalid value", count.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(ExecutionOutcome.VariableError, input.Outcome);
        Assert.StartsWith("Variable \"$x\" has invalid value", input.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_text_keeps_lone_surrogates_and_ordinary_escapes()
    {
        using var json = JsonDocument.Parse("""{"\ud800k": "a\ud800\n\"\\\u00e9\/b"}""");
        var property = json.RootElement.EnumerateObject().Single();

        Assert.Equal("\ud800k", JsonValues.Name(property));
        Assert.Equal("a\ud800\n\"\\\u00e9/b", JsonValues.Text(property.Value));
    }

    // Evicting while other threads add used to copy the live map and throw.
    [Fact]
    public void The_document_cache_evicts_safely_while_others_add()
    {
        var engine = new GraphQLEngine(Schema, new GraphQLEngineOptions { MaxCachedDocuments = 8 });

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount) }, i =>
        {
            var prepared = engine.Prepare($"{{ a{i}: echo }}");
            Assert.True(prepared.IsValid);
        });

        Assert.InRange(engine.CachedDocumentCount, 1, 8 + Math.Max(4, Environment.ProcessorCount));
    }

    // Field merging compares arguments as graphql-js prints them: a block string is not a
    // quoted one, an input object's field order does not matter, and deep nesting is cheap.
    [Theory]
    [InlineData("""{ f(s: "x") { __typename } f(s: "x") { __typename } }""", 0)]
    [InlineData(""""{ f(s: "x") { __typename } f(s: """x""") { __typename } }"""", 1)]
    [InlineData("""{ f(x: {a: {b: 1}, b: 2}) { __typename } f(x: {b: 2, a: {b: 1}}) { __typename } }""", 0)]
    [InlineData("""{ f(x: {b: 1}) { __typename } f(x: {b: 1.0}) { __typename } }""", 1)]
    public void Fields_merge_when_their_arguments_print_the_same(string query, int conflicts)
    {
        var errors = DocumentValidator.Validate(Schema, Parser.Parse(query), [SpecifiedRules.ByName["OverlappingFieldsCanBeMergedRule"]]);

        Assert.Equal(conflicts, errors.Count);
    }

    [Fact]
    public void Deeply_nested_equal_arguments_merge()
    {
        var deep = string.Concat(Enumerable.Repeat("{a: ", 200)) + "{b: 1}" + new string('}', 200);
        var query = $"{{ f(x: {deep}) {{ __typename }} f(x: {deep}) {{ __typename }} }}";

        var errors = DocumentValidator.Validate(Schema, Parser.Parse(query), [SpecifiedRules.ByName["OverlappingFieldsCanBeMergedRule"]]);

        Assert.Empty(errors);
    }
}
