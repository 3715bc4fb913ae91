using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Tests.Language;

/// <summary>
/// Compares the Language layer with graphql-js 17 on the cases in GraphQLJsReference.cs.
/// Those expectations were produced by graphql-js itself: in a scratch folder,
/// `npm install graphql@17`, then `node gen.js > GraphQLJsReference.cs` with the scripts in
/// Reference/ (the inputs are listed in errors.js, prints.js and blocks.js).
/// </summary>
public sealed class ReferenceCasesTests
{
    public static TheoryData<string, string, int, int> SyntaxErrors => GraphQLJsReference.SyntaxErrors;

    public static TheoryData<string, string> Prints => GraphQLJsReference.Prints;

    public static TheoryData<string, string, string, bool, string> BlockStrings => GraphQLJsReference.BlockStrings;

    [Theory]
    [MemberData(nameof(SyntaxErrors), DisableDiscoveryEnumeration = true)]
    public void Syntax_error_matches_graphql_js(string source, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLError>(() => Parser.Parse(source));

        Assert.Equal(message, error.Message);
        Assert.Equal([new SourceLocation(line, column)], error.Locations);
    }

    [Theory]
    [MemberData(nameof(Prints), DisableDiscoveryEnumeration = true)]
    public void Print_matches_graphql_js(string source, string printed)
    {
        Assert.Equal(printed, Printer.Print(Parser.Parse(source)));

        // What graphql-js prints parses back to a document that prints the same.
        Assert.Equal(printed, Printer.Print(Parser.Parse(printed)));
    }

    [Theory]
    [MemberData(nameof(BlockStrings), DisableDiscoveryEnumeration = true)]
    public void Block_string_printing_matches_graphql_js(string value, string printed, string minimized, bool printable, string quoted)
    {
        Assert.Equal(printed, BlockString.Print(value));
        Assert.Equal(minimized, BlockString.Print(value, minimize: true));
        Assert.Equal(printable, BlockString.IsPrintableAsBlockString(value));
        Assert.Equal(quoted, Printer.PrintString(value));
    }

    [Theory]
    [MemberData(nameof(BlockStrings), DisableDiscoveryEnumeration = true)]
    public void Printable_block_strings_read_back_unchanged(string value, string printed, string minimized, bool printable, string quoted)
    {
        _ = minimized;
        var asString = Assert.IsType<StringValueNode>(Parser.ParseValue(quoted));
        Assert.Equal(value, asString.Value);
        if (printable)
        {
            var asBlock = Assert.IsType<StringValueNode>(Parser.ParseValue(printed));
            Assert.Equal(value, asBlock.Value);
            Assert.True(asBlock.Block);
        }
    }
}
