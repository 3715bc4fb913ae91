using System.Text.Json;
using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Tests.Language;

public sealed class SourceAndErrorTests
{
    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(2, 1, 3)]
    [InlineData(3, 2, 1)]
    [InlineData(5, 2, 3)]
    [InlineData(7, 3, 1)]
    [InlineData(8, 4, 1)]
    [InlineData(10, 4, 3)]
    public void Locates_offsets_across_every_kind_of_line_break(int offset, int line, int column)
    {
        var source = new Source("ab\ncd\r\n\rxyz");

        Assert.Equal(new SourceLocation(line, column), source.GetLocation(offset));
    }

    [Fact]
    public void Syntax_error_serializes_to_the_spec_error_shape()
    {
        var error = Assert.Throws<GraphQLError>(() => Parser.Parse("{\n  a(b: ) }", new ParseOptions()));

        using var json = JsonDocument.Parse(error.ToJson());
        var root = json.RootElement;
        Assert.Equal("Syntax Error: Unexpected \")\".", root.GetProperty("message").GetString());
        var location = Assert.Single(root.GetProperty("locations").EnumerateArray().ToList());
        Assert.Equal(2, location.GetProperty("line").GetInt32());
        Assert.Equal(8, location.GetProperty("column").GetInt32());
        Assert.Equal("GRAPHQL_PARSE_FAILED", root.GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(root.TryGetProperty("path", out _));
        Assert.Equal("Syntax Error: Unexpected \")\".\n\nGraphQL request:2:8", error.ToString());
    }

    [Fact]
    public void Error_locates_nodes_and_carries_a_path()
    {
        var document = Parser.Parse("{ a\n  b }");
        var fields = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections;
        var cause = new InvalidOperationException("boom");

        var error = new GraphQLError(
            "Something failed.",
            nodes: fields,
            path: ["a", 0, "b"],
            originalError: cause,
            extensions: new Dictionary<string, object?> { ["code"] = "INTERNAL" });

        Assert.Equal([new SourceLocation(1, 3), new SourceLocation(2, 3)], error.Locations);
        Assert.Same(cause, error.OriginalError);
        Assert.Equal("INTERNAL", error.Code);
        Assert.Equal(
            "{\"message\":\"Something failed.\",\"locations\":[{\"line\":1,\"column\":3},{\"line\":2,\"column\":3}],\"path\":[\"a\",0,\"b\"],\"extensions\":{\"code\":\"INTERNAL\"}}",
            error.ToJson());
    }

    [Fact]
    public void Error_on_nodes_without_location_has_no_locations()
    {
        var document = Parser.Parse("{ a }", new ParseOptions { NoLocation = true });

        var error = new GraphQLError("No location.", nodes: [document]);

        Assert.Null(error.Locations);
        Assert.Equal("{\"message\":\"No location.\"}", error.ToJson());
        Assert.Equal(["x", 1], error.WithPath(["x", 1]).Path);
    }
}
