using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Tests.UtilitiesTests;

// Expected outputs are graphql-js 17.1.0's suggestionList, didYouMean and inspect on the same input.
public sealed class SuggestionsAndInspectTests
{
    [Fact]
    public void Suggestions_rank_by_edit_distance_then_natural_order()
    {
        Assert.Equal(["NME", "name", "names"], Suggestions.List("nme", ["name", "names", "nick", "mane", "NME", "a10", "a2"]));
        Assert.Equal(["A", "a1", "a2", "b"], Suggestions.List("a", ["a10", "a2", "a1", "b", "A"]));
    }

    [Fact]
    public void DidYouMean_lists_at_most_five()
    {
        Assert.Equal(" Did you mean \"a\", \"b\", \"c\", \"d\", or \"e\"?", Suggestions.DidYouMean(["a", "b", "c", "d", "e", "f"]));
        Assert.Equal(string.Empty, Suggestions.DidYouMean([]));
        Assert.Equal(" Did you mean the enum value \"A\" or \"B\"?", Suggestions.DidYouMean("the enum value", ["A", "B"]));
    }

    [Fact]
    public void Inspect_prints_values_as_graphql_js_does()
    {
        var nested = new Dictionary<string, object?>
        {
            ["a"] = new List<object?> { 1, 2, new Dictionary<string, object?> { ["b"] = new Dictionary<string, object?> { ["c"] = 1 } } },
            ["s"] = "x\"y",
        };

        Assert.Equal("{ a: [1, 2, [Object]], s: \"x\\\"y\" }", Inspect.Value(nested));
        Assert.Equal("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 2 more items]", Inspect.Value(Enumerable.Range(1, 12).ToList()));
        Assert.Equal("0.30000000000000004", Inspect.Value(0.1 + 0.2));
        Assert.Equal("-1e-7", Inspect.Value(-1e-7));
        Assert.Equal("123456789012345680000", Inspect.Value(123456789012345680000d));
        Assert.Equal("null", Inspect.Value(null));
    }
}
