using System.Text.Json;
using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Tests.UtilitiesTests;

// valueFromAST, coerceInputValue and astFromValue over one small schema, with graphql-js's
// rules: list of one from a single value, defaults for omitted fields, @oneOf, missing variables.
public sealed class InputValueTests
{
    private static readonly GraphQLSchema Schema = BuildAstSchema.BuildSchema("""
        type Query { f(in: In, one: One, color: Color, ids: [ID!]): Int }
        enum Color { RED GREEN }
        input In { a: Int!, b: String = "dflt", c: [Int], color: Color, nested: In }
        input One @oneOf { x: Int, y: String }
        """);

    private static readonly GraphQLType In = Schema.GetType("In")!;
    private static readonly GraphQLType One = Schema.GetType("One")!;

    private static object? Literal(string text, GraphQLType type, IReadOnlyDictionary<string, object?>? variables = null) =>
        ValueFromAst.TryConvert(Parser.ParseValue(text), type, variables, out var value) ? value : "<invalid>";

    [Fact]
    public void ValueFromAst_applies_defaults_and_wraps_single_values_in_lists()
    {
        var value = Assert.IsType<Dictionary<string, object?>>(Literal("{a: 1, c: 2, color: GREEN}", In));

        Assert.Equal(1, value["a"]);
        Assert.Equal("dflt", value["b"]);
        Assert.Equal(new List<object?> { 2 }, value["c"]);
        Assert.Equal("GREEN", value["color"]);
        Assert.False(value.ContainsKey("nested"));
    }

    [Theory]
    [InlineData("{b: \"x\"}")] // required field missing
    [InlineData("{a: null}")] // null for non-null
    [InlineData("{a: 1, zzz: 2}")] // unknown field
    [InlineData("{a: 1.5}")] // not an Int
    [InlineData("[{a: 1}]")] // a list where an object is expected
    [InlineData("{a: $missing}")] // missing variable for a required field
    public void ValueFromAst_rejects_invalid_input_objects(string literal) =>
        Assert.Equal("<invalid>", Literal(literal, In));

    [Fact]
    public void ValueFromAst_handles_variables_and_one_of()
    {
        var variables = new Dictionary<string, object?> { ["v"] = 7, ["n"] = null };

        Assert.Equal(7, Assert.IsType<Dictionary<string, object?>>(Literal("{a: $v}", In, variables))["a"]);
        Assert.Equal(new List<object?> { 1, null, 7 }, Literal("[1, $absent, $v]", new ListType(Scalars.Int), variables));
        Assert.Equal("<invalid>", Literal("[1, $absent]", new ListType(new NonNullType(Scalars.Int)), variables));
        Assert.Equal("<invalid>", Literal("$n", new NonNullType(Scalars.Int), variables));
        Assert.Equal(5, Assert.IsType<Dictionary<string, object?>>(Literal("{x: 5}", One))["x"]);
        Assert.Equal("<invalid>", Literal("{x: 5, y: \"a\"}", One));
        Assert.Equal("<invalid>", Literal("{x: null}", One));
    }

    [Fact]
    public void ValueFromAstUntyped_reads_plain_values()
    {
        var value = ValueFromAstUntyped.Convert(Parser.ParseValue("{a: [1, 2.5, \"s\", true, null, ENUM], b: $v, big: 5000000000}"), new Dictionary<string, object?> { ["v"] = "var" });

        var map = Assert.IsType<Dictionary<string, object?>>(value);
        Assert.Equal(new List<object?> { 1, 2.5, "s", true, null, "ENUM" }, map["a"]);
        Assert.Equal("var", map["b"]);
        Assert.Equal(5_000_000_000L, map["big"]);
    }

    private static List<string> CoerceErrors(object? input, GraphQLType type)
    {
        var errors = new List<string>();
        CoerceInputValue.Coerce(input, type, (path, _, error) => errors.Add(CoerceInputValue.PrintPath(path) + " " + error.Message));
        return errors;
    }

    [Fact]
    public void CoerceInputValue_reports_each_problem_with_graphql_js_messages()
    {
        var json = JsonDocument.Parse("""{"b": 3, "c": [1, "x"], "nested": {"a": 1, "colour": "RED"}}""").RootElement;

        Assert.Equal(
            [
                " Field \"a\" of required type \"Int!\" was not provided.",
                ".b String cannot represent a non string value: 3",
                ".c[1] Int cannot represent non-integer value: \"x\"",
                ".nested Field \"colour\" is not defined by type \"In\". Did you mean \"color\"?",
            ],
            CoerceErrors(json, In));
        Assert.Equal([" Expected non-nullable type \"Int!\" not to be null."], CoerceErrors(null, new NonNullType(Scalars.Int)));
        Assert.Equal([" Expected type \"In\" to be an object."], CoerceErrors(5, In));
        Assert.Equal([" Exactly one key must be specified for OneOf type \"One\"."], CoerceErrors(new Dictionary<string, object?> { ["x"] = 1, ["y"] = "a" }, One));
        Assert.Equal([".x Field \"x\" must be non-null."], CoerceErrors(new Dictionary<string, object?> { ["x"] = null }, One));
    }

    [Fact]
    public void CoerceInputValue_coerces_json_variables()
    {
        var json = JsonDocument.Parse("""{"a": 2, "c": 3, "color": "RED"}""").RootElement;

        var value = Assert.IsType<Dictionary<string, object?>>(CoerceInputValue.Coerce(json, In));

        Assert.Equal(2, value["a"]);
        Assert.Equal("dflt", value["b"]);
        Assert.Equal(new List<object?> { 3 }, value["c"]);
        Assert.Equal("RED", value["color"]);
    }

    [Fact]
    public void CoerceInputValue_without_handler_throws_with_the_path_in_the_message()
    {
        var error = Assert.Throws<GraphQLError>(() => CoerceInputValue.Coerce(new Dictionary<string, object?> { ["a"] = 1.5 }, In));

        Assert.Equal("Invalid value 1.5 at \"value.a\": Int cannot represent non-integer value: 1.5", error.Message);
    }

    [Fact]
    public void AstFromValue_writes_literals_per_type()
    {
        var value = new Dictionary<string, object?> { ["a"] = 1, ["c"] = new[] { 1, 2 }, ["color"] = "GREEN", ["nested"] = null };

        Assert.Equal("{ a: 1, c: [1, 2], color: GREEN, nested: null }", Printer.Print(AstFromValue.Convert(value, In)!));
        // Like graphql-js, a single value for a list type is written as the bare item.
        Assert.Equal("1", Printer.Print(AstFromValue.Convert(1, new ListType(Scalars.Int))!));
        Assert.Equal("\"abc\"", Printer.Print(AstFromValue.Convert("abc", Scalars.ID)!));
        Assert.Equal("123", Printer.Print(AstFromValue.Convert("123", Scalars.ID)!));
        Assert.Equal("1e+25", Printer.Print(AstFromValue.Convert(1e25, Scalars.Float)!));
        Assert.Null(AstFromValue.Convert(null, new NonNullType(Scalars.Int)));
        Assert.Throws<GraphQLError>(() => AstFromValue.Convert(1.5, Scalars.Int));
    }

    [Fact]
    public void Literal_defaults_are_coerced_once_and_printed_as_written()
    {
        var b = ((InputObjectType)In).GetField("b")!;

        Assert.True(b.TryGetDefault(out var first));
        Assert.Equal("dflt", first);
        Assert.Equal("\"dflt\"", Introspection.DefaultValueText(b));
        Assert.False(((InputObjectType)In).GetField("a")!.TryGetDefault(out _));
    }

    [Fact]
    public void TypeFromAst_finds_wrapped_types_and_unknown_names()
    {
        Assert.Equal("[In!]!", TypeFromAst.Convert(Schema, Parser.ParseType("[In!]!"))!.ToString());
        Assert.Equal(new NonNullType(new ListType(In)), TypeFromAst.Convert(Schema, Parser.ParseType("[In]!")));
        Assert.Null(TypeFromAst.Convert(Schema, Parser.ParseType("[Nope]")));
    }

    [Fact]
    public void Custom_scalars_without_coercion_receive_json_as_plain_values()
    {
        var schema = BuildAstSchema.BuildSchema("type Query { f(a: Any): Int }\nscalar Any");
        var any = schema.GetType("Any")!;
        var json = JsonDocument.Parse("""{"n": 1, "big": 5000000000, "r": 1.5, "l": ["x", true, null]}""").RootElement;

        var value = Assert.IsType<Dictionary<string, object?>>(CoerceInputValue.Coerce(json, any));

        Assert.Equal(1, value["n"]);
        Assert.Equal(5_000_000_000L, value["big"]);
        Assert.Equal(1.5, value["r"]);
        Assert.Equal(new List<object?> { "x", true, null }, value["l"]);
    }
}
