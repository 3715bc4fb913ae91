using System.Text.Json;
using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Tests.TypesTests;

// Expected values and messages are graphql-js 17.1.0's (coerceOutputValue, coerceInputValue,
// coerceInputLiteral of its built-in scalars and of an enum), run on the same inputs.
public sealed class ScalarCoercionTests
{
    private static readonly EnumType Color = new(
        "Color",
        [new EnumValueDefinition("RED", 1), new EnumValueDefinition("GREEN", 2), new EnumValueDefinition("BLUE", 3)]);

    public static TheoryData<string, object?, object?> Serialized => new()
    {
        { "Int", "123", 123 },
        { "Int", true, 1 },
        { "Int", 3L, 3 },
        { "Int", 3.0, 3 },
        { "Float", "1.5", 1.5 },
        { "Float", 2, 2.0 },
        { "Float", false, 0.0 },
        { "String", 1.5, "1.5" },
        { "String", 1e21, "1e+21" },
        { "String", 1e-7, "1e-7" },
        { "String", true, "true" },
        { "String", 42L, "42" },
        { "Boolean", 0, false },
        { "Boolean", 2.5, true },
        { "ID", 42, "42" },
        { "ID", "abc", "abc" },
    };

    [Theory]
    [MemberData(nameof(Serialized))]
    public void Serialize_coerces_like_graphql_js(string scalar, object? value, object? expected) =>
        Assert.Equal(expected, ScalarNamed(scalar).Serialize(value));

    public static TheoryData<string, object?, string> SerializeErrors => new()
    {
        { "Int", 1.5, "Int cannot represent non-integer value: 1.5" },
        { "Int", 1e100, "Int cannot represent non 32-bit signed integer value: 1e+100" },
        { "Int", "", "Int cannot represent non-integer value: \"\"" },
        { "Int", "1.5", "Int cannot represent non-integer value: \"1.5\"" },
        { "Int", 2147483648L, "Int cannot represent non 32-bit signed integer value: 2147483648" },
        { "Float", double.NaN, "Float cannot represent non numeric value: NaN" },
        { "Float", "x", "Float cannot represent non numeric value: \"x\"" },
        { "String", new Dictionary<string, object?>(), "String cannot represent value: {}" },
        { "String", new List<int> { 1, 2 }, "String cannot represent value: [1, 2]" },
        { "Boolean", "true", "Boolean cannot represent a non boolean value: \"true\"" },
        { "ID", 1.5, "ID cannot represent value: 1.5" },
        { "ID", true, "ID cannot represent value: true" },
    };

    [Theory]
    [MemberData(nameof(SerializeErrors))]
    public void Serialize_rejects_like_graphql_js(string scalar, object? value, string message) =>
        Assert.Equal(message, Assert.Throws<GraphQLError>(() => ScalarNamed(scalar).Serialize(value)).Message);

    public static TheoryData<string, object?, string> ParseValueErrors => new()
    {
        { "Int", 1.5, "Int cannot represent non-integer value: 1.5" },
        { "Int", "1", "Int cannot represent non-integer value: \"1\"" },
        { "Int", -2147483649L, "Int cannot represent non 32-bit signed integer value: -2147483649" },
        { "Int", true, "Int cannot represent non-integer value: true" },
        { "Float", "1", "Float cannot represent non numeric value: \"1\"" },
        { "Float", double.PositiveInfinity, "Float cannot represent non numeric value: Infinity" },
        { "String", 1, "String cannot represent a non string value: 1" },
        { "Boolean", 1, "Boolean cannot represent a non boolean value: 1" },
        { "ID", 4.2, "ID cannot represent value: 4.2" },
        { "ID", true, "ID cannot represent value: true" },
    };

    [Theory]
    [MemberData(nameof(ParseValueErrors))]
    public void ParseValue_rejects_like_graphql_js(string scalar, object? value, string message) =>
        Assert.Equal(message, Assert.Throws<GraphQLError>(() => ScalarNamed(scalar).ParseValue(value)).Message);

    [Fact]
    public void ParseValue_accepts_integral_floats_and_json_numbers_as_Int()
    {
        Assert.Equal(3, Scalars.Int.ParseValue(3.0));
        Assert.Equal(7, Scalars.Int.ParseValue(JsonDocument.Parse("7").RootElement));
        Assert.Equal(7, Scalars.Int.ParseValue(JsonDocument.Parse("7.0").RootElement));
        Assert.Equal("42", Scalars.ID.ParseValue(42));
        Assert.Equal("x", Scalars.String.ParseValue(JsonDocument.Parse("\"x\"").RootElement));
    }

    public static TheoryData<string, string, string> LiteralErrors => new()
    {
        { "Int", "1.0", "Int cannot represent non-integer value: 1.0" },
        { "Int", "\"1\"", "Int cannot represent non-integer value: \"1\"" },
        { "Int", "2147483648", "Int cannot represent non 32-bit signed integer value: 2147483648" },
        { "Float", "ENUM", "Float cannot represent non numeric value: ENUM" },
        { "String", "1", "String cannot represent a non string value: 1" },
        { "String", "[\"a\", {b: 1}]", "String cannot represent a non string value: [\"a\", { b: 1 }]" },
        { "Boolean", "1", "Boolean cannot represent a non boolean value: 1" },
        { "ID", "1.0", "ID cannot represent a non-string and non-integer value: 1.0" },
    };

    [Theory]
    [MemberData(nameof(LiteralErrors))]
    public void ParseLiteral_rejects_like_graphql_js(string scalar, string literal, string message) =>
        Assert.Equal(message, Assert.Throws<GraphQLError>(() => ScalarNamed(scalar).ParseLiteral(Parser.ParseValue(literal))).Message);

    [Fact]
    public void ParseLiteral_accepts_what_graphql_js_accepts()
    {
        Assert.Equal(1.0, Scalars.Float.ParseLiteral(Parser.ParseValue("1")));
        Assert.Equal("007", Scalars.ID.ParseLiteral(Parser.ParseValue("\"007\"")));
        Assert.Equal("12", Scalars.ID.ParseLiteral(Parser.ParseValue("12")));
        Assert.Equal(-5, Scalars.Int.ParseLiteral(Parser.ParseValue("-5")));
    }

    [Fact]
    public void Enum_coercion_matches_graphql_js_including_suggestions()
    {
        Assert.Equal("GREEN", Color.Serialize(2));
        Assert.Equal(1, Color.ParseValue("RED"));
        Assert.Equal(3, Color.ParseLiteral(Parser.ParseValue("BLUE")));
        Assert.Equal("Enum \"Color\" cannot represent value: 4", Assert.Throws<GraphQLError>(() => Color.Serialize(4)).Message);
        Assert.Equal(
            "Value \"red\" does not exist in \"Color\" enum. Did you mean the enum value \"RED\"?",
            Assert.Throws<GraphQLError>(() => Color.ParseValue("red")).Message);
        Assert.Equal("Enum \"Color\" cannot represent non-string value: 1.", Assert.Throws<GraphQLError>(() => Color.ParseValue(1)).Message);
        Assert.Equal(
            "Enum \"Color\" cannot represent non-enum value: \"RED\". Did you mean the enum value \"RED\" or \"GREEN\"?",
            Assert.Throws<GraphQLError>(() => Color.ParseLiteral(Parser.ParseValue("\"RED\""))).Message);
        Assert.Equal(
            "Value \"REDD\" does not exist in \"Color\" enum. Did you mean the enum value \"RED\"?",
            Assert.Throws<GraphQLError>(() => Color.ParseLiteral(Parser.ParseValue("REDD"))).Message);
        Assert.Equal("Enum \"Color\" cannot represent non-enum value: 1.", Assert.Throws<GraphQLError>(() => Color.ParseLiteral(Parser.ParseValue("1"))).Message);
    }

    [Fact]
    public void DateTime_round_trips_with_offset_and_rejects_local_times()
    {
        var instant = new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.FromHours(8));

        Assert.Equal("2024-05-01T08:30:00+08:00", Scalars.DateTime.Serialize(instant));
        Assert.Equal(instant, Scalars.DateTime.ParseValue("2024-05-01T08:30:00+08:00"));
        Assert.Equal(instant, Scalars.DateTime.ParseLiteral(Parser.ParseValue("\"2024-05-01T00:30:00Z\"")));
        Assert.Equal(
            "DateTime cannot represent an invalid date-time string: \"2024-05-01T08:30:00\"",
            Assert.Throws<GraphQLError>(() => Scalars.DateTime.ParseValue("2024-05-01T08:30:00")).Message);
        Assert.Throws<GraphQLError>(() => Scalars.DateTime.ParseLiteral(Parser.ParseValue("20240501")));
    }

    [Fact]
    public void Date_Long_and_Decimal_coerce_their_clr_types()
    {
        Assert.Equal("2024-02-29", Scalars.Date.Serialize(new DateOnly(2024, 2, 29)));
        Assert.Equal(new DateOnly(2024, 2, 29), Scalars.Date.ParseLiteral(Parser.ParseValue("\"2024-02-29\"")));
        Assert.Throws<GraphQLError>(() => Scalars.Date.ParseValue("2023-02-29"));

        Assert.Equal(9007199254740993L, Scalars.Long.ParseLiteral(Parser.ParseValue("9007199254740993")));
        Assert.Equal(5_000_000_000L, Scalars.Long.Serialize(5_000_000_000L));
        Assert.Equal(
            "Long cannot represent non 64-bit signed integer value: 9223372036854775808",
            Assert.Throws<GraphQLError>(() => Scalars.Long.ParseLiteral(Parser.ParseValue("9223372036854775808"))).Message);
        Assert.Throws<GraphQLError>(() => Scalars.Long.ParseValue(1.5));

        Assert.Equal(0.1m, Scalars.Decimal.ParseLiteral(Parser.ParseValue("0.1")));
        Assert.Equal(12.50m, Scalars.Decimal.ParseValue(JsonDocument.Parse("12.50").RootElement));
        Assert.Throws<GraphQLError>(() => Scalars.Decimal.ParseValue("12.5"));
    }

    private static ScalarType ScalarNamed(string name) => Scalars.Specified.Single(s => s.Name == name);
}
