using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Relay;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Tests.Relay;

public sealed class ConnectionTests
{
    private static readonly string[] Letters = ["A", "B", "C", "D", "E"];

    private static readonly GraphQLEngine Engine = CreateEngine();

    private static GraphQLEngine CreateEngine()
    {
        var letter = new ObjectType("Letter", [new FieldDefinition("value", Scalars.String) { ResolveSync = c => c.Source }]);
        var query = new ObjectType("Query",
        [
            Connections.ListField("letters", letter, _ => Letters, maxPageSize: 3),
            Connections.Field<string>(
                "pagedLetters",
                letter,
                (_, arguments) => ValueTask.FromResult(Connections.FromList(Letters, arguments, 3)),
                maxPageSize: 3),
        ]);
        return new GraphQLEngine(new GraphQLSchema(query));
    }

    private static async Task<string> Page(string arguments)
    {
        var result = await Engine.ExecuteAsync(new GraphQLRequest(
            $"{{ letters{arguments} {{ totalCount edges {{ cursor node {{ value }} }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}"));
        return result.ToJson();
    }

    private static string C(int offset) => Cursor.FromOffset(offset);

    [Fact]
    public async Task First_page_then_the_next_one_after_its_end_cursor()
    {
        Assert.Equal(
            $$$$$"""{"data":{"letters":{"totalCount":5,"edges":[{"cursor":"{{{{{C(0)}}}}}","node":{"value":"A"}},{"cursor":"{{{{{C(1)}}}}}","node":{"value":"B"}}],"pageInfo":{"hasNextPage":true,"hasPreviousPage":false,"startCursor":"{{{{{C(0)}}}}}","endCursor":"{{{{{C(1)}}}}}"}}}}""",
            await Page("(first: 2)"));
        Assert.Equal(
            $$$$$"""{"data":{"letters":{"totalCount":5,"edges":[{"cursor":"{{{{{C(2)}}}}}","node":{"value":"C"}},{"cursor":"{{{{{C(3)}}}}}","node":{"value":"D"}},{"cursor":"{{{{{C(4)}}}}}","node":{"value":"E"}}],"pageInfo":{"hasNextPage":false,"hasPreviousPage":true,"startCursor":"{{{{{C(2)}}}}}","endCursor":"{{{{{C(4)}}}}}"}}}}""",
            await Page($"""(first: 3, after: "{C(1)}")"""));
    }

    [Fact]
    public async Task Last_pages_backwards_from_before()
    {
        var json = await Page($"""(last: 2, before: "{C(4)}")""");
        Assert.Contains("""{"value":"C"}},{"cursor":""", json);
        Assert.Contains("""{"value":"D"}}],"pageInfo":{"hasNextPage":true,"hasPreviousPage":true""", json);
    }

    [Fact]
    public async Task Past_the_end_is_an_empty_page_with_null_cursors()
    {
        Assert.Equal(
            """{"data":{"letters":{"totalCount":5,"edges":[],"pageInfo":{"hasNextPage":false,"hasPreviousPage":true,"startCursor":null,"endCursor":null}}}}""",
            await Page($"""(first: 2, after: "{C(4)}")"""));
        Assert.Equal(
            """{"data":{"letters":{"totalCount":5,"edges":[],"pageInfo":{"hasNextPage":true,"hasPreviousPage":false,"startCursor":null,"endCursor":null}}}}""",
            await Page("(first: 0)"));
    }

    [Fact]
    public async Task Without_first_or_last_the_page_is_capped()
    {
        var result = await Engine.ExecuteAsync(new GraphQLRequest("{ letters { nodes { value } pageInfo { hasNextPage } } }"));
        Assert.Equal("""{"data":{"letters":{"nodes":[{"value":"A"},{"value":"B"},{"value":"C"}],"pageInfo":{"hasNextPage":true}}}}""", result.ToJson());
    }

    [Theory]
    [InlineData("(first: 4)", "Argument \"first\" must not exceed 3 (the maximum page size), got 4.")]
    [InlineData("(last: -1)", "Argument \"last\" must be a non-negative integer, got -1.")]
    [InlineData("(after: \"bm90IG91cnM=\")", "Argument \"after\" is not a valid cursor: \"bm90IG91cnM=\".")]
    [InlineData("(before: \"%%%\")", "Argument \"before\" is not a valid cursor: \"%%%\".")]
    public async Task Bad_paging_arguments_are_clear_errors(string arguments, string message)
    {
        foreach (var field in new[] { "letters", "pagedLetters" })
        {
            var result = await Engine.ExecuteAsync(new GraphQLRequest($"{{ {field}{arguments} {{ totalCount }} }}"));
            var error = Assert.Single(result.Errors);
            Assert.Equal(message, error.Message);
            Assert.Equal("BAD_USER_INPUT", error.Code);
            Assert.Equal([field], error.Path!);
        }
    }

    [Fact]
    public void Keyset_pages_forwards_and_backwards_and_the_extra_row_means_another_page()
    {
        // A store sorted by key; the resolver reads size + 1 rows in paging order.
        var keys = new[] { "k1", "k2", "k3", "k4", "k5" };
        IReadOnlyList<string> Read(ConnectionArguments a, int size) => a.IsBackward
            ? keys.Reverse().Where(k => a.BeforeKey is null || string.CompareOrdinal(k, a.BeforeKey) < 0).Take(size + 1).ToList()
            : keys.Where(k => a.AfterKey is null || string.CompareOrdinal(k, a.AfterKey) > 0).Take(size + 1).ToList();

        var first = new ConnectionArguments(2, null, null, null);
        var page1 = Connections.FromKeysetSlice(Read(first, 2), first, k => k, totalCount: 5);
        Assert.Equal(["k1", "k2"], page1.Nodes);
        Assert.Equal(new PageInfo(true, false, Cursor.Encode("k1"), Cursor.Encode("k2")), page1.PageInfo);

        var next = new ConnectionArguments(3, page1.PageInfo.EndCursor, null, null);
        var page2 = Connections.FromKeysetSlice(Read(next, 3), next, k => k);
        Assert.Equal(["k3", "k4", "k5"], page2.Nodes);
        Assert.False(page2.PageInfo.HasNextPage);
        Assert.True(page2.PageInfo.HasPreviousPage);

        var back = new ConnectionArguments(null, null, 2, page2.PageInfo.StartCursor);
        var page0 = Connections.FromKeysetSlice(Read(back, 2), back, k => k);
        Assert.Equal(["k1", "k2"], page0.Nodes);
        Assert.Equal(new PageInfo(true, false, Cursor.Encode("k1"), Cursor.Encode("k2")), page0.PageInfo);

        var tooMany = new ConnectionArguments(101, null, null, null);
        Assert.Throws<GraphQLError>(() => Connections.FromKeysetSlice(keys, tooMany, k => k));
    }

    [Fact]
    public void Cursors_are_opaque_base64()
    {
        var cursor = Cursor.FromOffset(7);
        Assert.Equal("offset:7", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor)));
        Assert.Equal(7, Cursor.ToOffset(cursor, "after"));
    }

    [Fact]
    public void Connection_types_are_shared_per_node_type()
    {
        var node = new ObjectType("Thing", [new FieldDefinition("id", Scalars.ID)]);
        var (connection, edge) = Connections.TypesFor(node);
        Assert.Same(connection, Connections.TypesFor(node).Connection);
        Assert.Equal("ThingConnection", connection.Name);
        Assert.Equal("ThingEdge", edge.Name);
        Assert.Equal(["edges", "nodes", "pageInfo", "totalCount"], connection.Fields.Select(f => f.Name));
    }
}
