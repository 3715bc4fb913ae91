using System.Globalization;
using System.Text.Json;
using Transparency.GraphQL.Language;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Types;

/// <summary>
/// A scalar type (spec Section 3.5): three coercions, each throwing GraphQLError on a value it
/// cannot represent. Serialize turns a resolver's value into a JSON-ready one (graphql-js 17's
/// coerceOutputValue), ParseValue coerces a variable value (coerceInputValue), ParseLiteral a
/// literal from the document (coerceInputLiteral), and ValueToLiteral goes back from an
/// internal value to a literal (printing default values).
/// </summary>
public sealed class ScalarType : NamedType
{
    public ScalarType(string name)
        : base(name)
    {
    }

    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>@specifiedBy(url:) (spec Section 3.13).</summary>
    public string? SpecifiedByUrl { get; init; }

    /// <summary>Output coercion. Defaults to the identity, like graphql-js.</summary>
    public Func<object?, object?> Serialize { get; init; } = static value => value;

    /// <summary>
    /// Input coercion of a variable value (CLR value or JsonElement). Defaults to the value
    /// itself, with JSON turned into plain CLR values (what graphql-js's JSON.parse would give).
    /// </summary>
    public Func<object?, object?> ParseValue { get; init; } = static value => value is JsonElement json ? JsonValues.ToClr(json) : value;

    /// <summary>Input coercion of a literal. Defaults to the literal's untyped value.</summary>
    public Func<ValueNode, object?> ParseLiteral { get; init; } = static node => ValueFromAstUntyped.Convert(node, null);

    /// <summary>Internal value to literal; null when the value cannot be represented.</summary>
    public Func<object?, ValueNode?>? ValueToLiteral { get; init; }
}

/// <summary>
/// The built-in scalars with graphql-js 17's coercion rules and messages, and the custom
/// scalars this project needs (DateTime, Date, Long, Decimal).
/// </summary>
public static class Scalars
{
    public const int MaxInt = int.MaxValue;
    public const int MinInt = int.MinValue;

    public static readonly ScalarType Int = new("Int")
    {
        Description = "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.",
        Serialize = SerializeInt,
        ParseValue = ParseIntValue,
        ParseLiteral = node => ParseIntLiteral(node),
        ValueToLiteral = v => ParseIntValueOrNull(v) is int i ? new IntValueNode(i.ToString(CultureInfo.InvariantCulture)) : null,
    };

    public static readonly ScalarType Float = new("Float")
    {
        Description = "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).",
        Serialize = value => SerializeFloat(value),
        ParseValue = value => ParseFloatValue(value),
        ParseLiteral = node => ParseFloatLiteral(node),
        ValueToLiteral = v => DefaultValueToLiteral(v) is { } node and (IntValueNode or FloatValueNode) ? node : null,
    };

    public static readonly ScalarType String = new("String")
    {
        Description = "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.",
        Serialize = SerializeString,
        ParseValue = ParseStringValue,
        ParseLiteral = node => node is StringValueNode s
            ? s.Value
            : throw new GraphQLError($"String cannot represent a non string value: {Printer.Print(node)}", [node]),
        ValueToLiteral = v => v is string s ? new StringValueNode(s) : null,
    };

    // One box each for the two booleans a response holds many of.
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    public static readonly ScalarType Boolean = new("Boolean")
    {
        Description = "The `Boolean` scalar type represents `true` or `false`.",
        Serialize = value => SerializeBoolean(value) ? BoxedTrue : BoxedFalse,
        ParseValue = value => ParseBooleanValue(value),
        ParseLiteral = node => node is BooleanValueNode b
            ? b.Value
            : throw new GraphQLError($"Boolean cannot represent a non boolean value: {Printer.Print(node)}", [node]),
        ValueToLiteral = v => v is bool b ? new BooleanValueNode(b) : null,
    };

    public static readonly ScalarType ID = new("ID")
    {
        Description = "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.",
        Serialize = SerializeId,
        ParseValue = ParseIdValue,
        ParseLiteral = node => node switch
        {
            StringValueNode s => s.Value,
            IntValueNode i => i.Value,
            _ => throw new GraphQLError($"ID cannot represent a non-string and non-integer value: {Printer.Print(node)}", [node]),
        },
        ValueToLiteral = v => v switch
        {
            string s => IsIntegerText(s) ? new IntValueNode(s) : new StringValueNode(s),
            _ when AsInteger(v) is { } n => new IntValueNode(n.ToString(CultureInfo.InvariantCulture)),
            _ => null,
        },
    };

    /// <summary>An instant with offset, RFC 3339 (e.g. 2024-05-01T08:30:00+08:00); CLR DateTimeOffset.</summary>
    public static readonly ScalarType DateTime = new("DateTime")
    {
        Description = "An instant with its UTC offset, as an RFC 3339 date-time string, e.g. `2024-05-01T08:30:00+08:00`.",
        SpecifiedByUrl = "https://scalars.graphql.org/andimarek/date-time",
        Serialize = SerializeDateTime,
        ParseValue = v => ParseDateTimeText(TextOf(v) ?? throw new GraphQLError($"DateTime cannot represent non-string value: {Inspect.Value(v)}")),
        ParseLiteral = node => node is StringValueNode s
            ? ParseDateTimeText(s.Value, node)
            : throw new GraphQLError($"DateTime cannot represent non-string value: {Printer.Print(node)}", [node]),
        ValueToLiteral = v => new StringValueNode((string)SerializeDateTime(v)!),
    };

    /// <summary>A calendar date without time or zone, yyyy-MM-dd; CLR DateOnly.</summary>
    public static readonly ScalarType Date = new("Date")
    {
        Description = "A calendar date without time or time zone, as an ISO 8601 `yyyy-MM-dd` string.",
        Serialize = SerializeDate,
        ParseValue = v => ParseDateText(TextOf(v) ?? throw new GraphQLError($"Date cannot represent non-string value: {Inspect.Value(v)}")),
        ParseLiteral = node => node is StringValueNode s
            ? ParseDateText(s.Value, node)
            : throw new GraphQLError($"Date cannot represent non-string value: {Printer.Print(node)}", [node]),
        ValueToLiteral = v => new StringValueNode((string)SerializeDate(v)!),
    };

    /// <summary>A signed 64-bit integer, written as a JSON number; CLR long.</summary>
    public static readonly ScalarType Long = new("Long")
    {
        Description = "The `Long` scalar type represents non-fractional signed whole numeric values between -(2^63) and 2^63 - 1.",
        Serialize = v => AsInteger(v) ?? throw new GraphQLError($"Long cannot represent non-integer value: {Inspect.Value(v)}"),
        ParseValue = v => v is not bool && v is not string && AsInteger(v) is { } n
            ? n
            : throw new GraphQLError($"Long cannot represent non-integer value: {Inspect.Value(v)}"),
        ParseLiteral = node => node is IntValueNode i
            ? long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new GraphQLError($"Long cannot represent non 64-bit signed integer value: {i.Value}", [node])
            : throw new GraphQLError($"Long cannot represent non-integer value: {Printer.Print(node)}", [node]),
        ValueToLiteral = v => AsInteger(v) is { } n ? new IntValueNode(n.ToString(CultureInfo.InvariantCulture)) : null,
    };

    /// <summary>An exact decimal number, written as a JSON number; CLR decimal.</summary>
    public static readonly ScalarType Decimal = new("Decimal")
    {
        Description = "The `Decimal` scalar type represents exact decimal fractional values, with up to 28 significant digits.",
        Serialize = v => AsDecimal(v) ?? throw new GraphQLError($"Decimal cannot represent non numeric value: {Inspect.Value(v)}"),
        ParseValue = v => v is not bool && v is not string && AsDecimal(v) is { } d
            ? d
            : throw new GraphQLError($"Decimal cannot represent non numeric value: {Inspect.Value(v)}"),
        ParseLiteral = node => node switch
        {
            IntValueNode or FloatValueNode when decimal.TryParse(
                node is IntValueNode i ? i.Value : ((FloatValueNode)node).Value,
                NumberStyles.Float,
                CultureInfo.InvariantCulture,
                out var d) => d,
            _ => throw new GraphQLError($"Decimal cannot represent non numeric value: {Printer.Print(node)}", [node]),
        },
        ValueToLiteral = v => AsDecimal(v) is { } d
            ? d == decimal.Truncate(d) && d.Scale == 0
                ? new IntValueNode(d.ToString(CultureInfo.InvariantCulture))
                : new FloatValueNode(d.ToString(CultureInfo.InvariantCulture))
            : null,
    };

    /// <summary>The five scalars of the spec, in graphql-js's order.</summary>
    public static IReadOnlyList<ScalarType> Specified { get; } = [String, Int, Float, Boolean, ID];

    public static bool IsSpecified(NamedType type) =>
        type is ScalarType && type.Name is "String" or "Int" or "Float" or "Boolean" or "ID";

    // Int

    private static object? SerializeInt(object? value)
    {
        switch (value)
        {
            case bool b:
                return b ? 1 : 0;
            case string s:
                {
                    if (s.Length == 0 || !TryParseJsNumber(s, out var parsed) || !IsInteger(parsed))
                    {
                        throw new GraphQLError($"Int cannot represent non-integer value: {Inspect.Value(s)}");
                    }

                    return parsed is > MaxInt or < MinInt
                        ? throw new GraphQLError($"Int cannot represent non 32-bit signed integer value: {Inspect.Value(s)}")
                        : (int)parsed;
                }

            default:
                return ParseIntValue(value);
        }
    }

    private static object? ParseIntValue(object? value)
    {
        if (value is int i)
        {
            return i;
        }

        if (value is bool || value is string || !TryAsDouble(value, out var number, out var exactInteger))
        {
            throw new GraphQLError($"Int cannot represent non-integer value: {Inspect.Value(value)}");
        }

        if (exactInteger is { } whole)
        {
            return whole is > MaxInt or < MinInt
                ? throw new GraphQLError($"Int cannot represent non 32-bit signed integer value: {Inspect.Value(value)}")
                : (int)whole;
        }

        if (!IsInteger(number))
        {
            throw new GraphQLError($"Int cannot represent non-integer value: {Inspect.Value(value)}");
        }

        return number is > MaxInt or < MinInt
            ? throw new GraphQLError($"Int cannot represent non 32-bit signed integer value: {Inspect.Value(value)}")
            : (int)number;
    }

    private static int? ParseIntValueOrNull(object? value)
    {
        try
        {
            return value is null ? null : (int?)ParseIntValue(value);
        }
        catch (GraphQLError)
        {
            return null;
        }
    }

    private static int ParseIntLiteral(ValueNode node)
    {
        if (node is not IntValueNode intNode)
        {
            throw new GraphQLError($"Int cannot represent non-integer value: {Printer.Print(node)}", [node]);
        }

        if (!int.TryParse(intNode.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result))
        {
            throw new GraphQLError($"Int cannot represent non 32-bit signed integer value: {intNode.Value}", [node]);
        }

        return result;
    }

    // Float

    private static double SerializeFloat(object? value)
    {
        switch (value)
        {
            case bool b:
                return b ? 1d : 0d;
            case string s:
                return s.Length > 0 && TryParseJsNumber(s, out var parsed) && double.IsFinite(parsed)
                    ? parsed
                    : throw new GraphQLError($"Float cannot represent non numeric value: {Inspect.Value(s)}");
            default:
                return ParseFloatValue(value);
        }
    }

    private static double ParseFloatValue(object? value)
    {
        if (value is double d && double.IsFinite(d))
        {
            return d;
        }

        if (value is bool || value is string || !TryAsDouble(value, out var number, out _) || !double.IsFinite(number))
        {
            throw new GraphQLError($"Float cannot represent non numeric value: {Inspect.Value(value)}");
        }

        return number;
    }

    private static double ParseFloatLiteral(ValueNode node) => node switch
    {
        IntValueNode i => double.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        _ => throw new GraphQLError($"Float cannot represent non numeric value: {Printer.Print(node)}", [node]),
    };

    // String

    private static string? SerializeString(object? value)
    {
        switch (value)
        {
            case string s:
                return s;
            case bool b:
                return b ? "true" : "false";
            case char c:
                return c.ToString();
            case Guid g:
                return g.ToString();
            case JsonElement { ValueKind: JsonValueKind.String } json:
                return JsonValues.Text(json);
        }

        if (AsInteger(value) is { } n)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }

        if (TryAsDouble(value, out var number, out _) && double.IsFinite(number))
        {
            return value is decimal m ? m.ToString(CultureInfo.InvariantCulture) : Inspect.JsNumber(number);
        }

        throw new GraphQLError($"String cannot represent value: {Inspect.Value(value)}");
    }

    private static string ParseStringValue(object? value) =>
        TextOf(value) ?? throw new GraphQLError($"String cannot represent a non string value: {Inspect.Value(value)}");

    // Boolean

    private static bool SerializeBoolean(object? value)
    {
        if (value is bool b)
        {
            return b;
        }

        if (value is JsonElement { ValueKind: JsonValueKind.True or JsonValueKind.False } json)
        {
            return json.GetBoolean();
        }

        if (value is not string && TryAsDouble(value, out var number, out _) && double.IsFinite(number))
        {
            return number != 0;
        }

        throw new GraphQLError($"Boolean cannot represent a non boolean value: {Inspect.Value(value)}");
    }

    private static bool ParseBooleanValue(object? value) => value switch
    {
        bool b => b,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        _ => throw new GraphQLError($"Boolean cannot represent a non boolean value: {Inspect.Value(value)}"),
    };

    // ID

    private static string? SerializeId(object? value)
    {
        if (value is string s)
        {
            return s;
        }

        if (value is Guid g)
        {
            return g.ToString();
        }

        if (value is JsonElement { ValueKind: JsonValueKind.String } json)
        {
            return JsonValues.Text(json);
        }

        if (value is not bool && AsInteger(value) is { } n)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }

        throw new GraphQLError($"ID cannot represent value: {Inspect.Value(value)}");
    }

    private static string ParseIdValue(object? value)
    {
        if (TextOf(value) is { } s)
        {
            return s;
        }

        if (value is not bool && AsInteger(value) is { } n)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }

        throw new GraphQLError($"ID cannot represent value: {Inspect.Value(value)}");
    }

    // DateTime and Date

    private static object? SerializeDateTime(object? value) => value switch
    {
        DateTimeOffset dto => dto.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        System.DateTime { Kind: DateTimeKind.Utc } utc => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        System.DateTime local => new DateTimeOffset(local).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        string s => SerializeDateTime(ParseDateTimeText(s)),
        _ => throw new GraphQLError($"DateTime cannot represent value: {Inspect.Value(value)}"),
    };

    private static DateTimeOffset ParseDateTimeText(string text) => ParseDateTimeText(text, null);

    // RFC 3339 requires a date, a time and an offset (Z or ±hh:mm); anything less is ambiguous.
    private static DateTimeOffset ParseDateTimeText(string text, ValueNode? node)
    {
        var hasOffset = text.Length > 19 && (text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-');
        if (text.Length < 20 || text[10] is not ('T' or 't') || !hasOffset
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var result))
        {
            throw new GraphQLError(
                $"DateTime cannot represent an invalid date-time string: {Inspect.JsonString(text)}",
                node is null ? null : [node]);
        }

        return result;
    }

    private static object? SerializeDate(object? value) => value switch
    {
        // "O" is yyyy-MM-dd for a DateOnly, on the formatter's fast path.
        DateOnly d => d.ToString("O", CultureInfo.InvariantCulture),
        System.DateTime dt => DateOnly.FromDateTime(dt).ToString("O", CultureInfo.InvariantCulture),
        string s => SerializeDate(ParseDateText(s)),
        _ => throw new GraphQLError($"Date cannot represent value: {Inspect.Value(value)}"),
    };

    private static DateOnly ParseDateText(string text) => ParseDateText(text, null);

    private static DateOnly ParseDateText(string text, ValueNode? node) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new GraphQLError($"Date cannot represent an invalid date string: {Inspect.JsonString(text)}", node is null ? null : [node]);

    // Shared number handling. Variables arrive as CLR numbers or as JsonElements.

    private static string? TextOf(object? value) => value switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } json => JsonValues.Text(json),
        _ => null,
    };

    /// <summary>A numeric value as double; exactInteger is set for integral CLR types (no rounding).</summary>
    private static bool TryAsDouble(object? value, out double number, out long? exactInteger)
    {
        exactInteger = null;
        switch (value)
        {
            case int i:
                exactInteger = i;
                number = i;
                return true;
            case long l:
                exactInteger = l;
                number = l;
                return true;
            case short or byte or sbyte or ushort or uint:
                exactInteger = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                number = exactInteger.Value;
                return true;
            case ulong ul:
                number = ul;
                if (ul <= long.MaxValue)
                {
                    exactInteger = (long)ul;
                }

                return true;
            case double d:
                number = d;
                return true;
            case float f:
                number = f;
                return true;
            case decimal m:
                number = (double)m;
                if (m == decimal.Truncate(m) && m is >= long.MinValue and <= long.MaxValue)
                {
                    exactInteger = (long)m;
                }

                return true;
            case JsonElement { ValueKind: JsonValueKind.Number } json:
                if (json.TryGetInt64(out var jl))
                {
                    exactInteger = jl;
                    number = jl;
                    return true;
                }

                number = json.GetDouble();
                return true;
            default:
                number = 0;
                return false;
        }
    }

    private static long? AsInteger(object? value)
    {
        if (value is bool || !TryAsDouble(value, out var number, out var exact))
        {
            return null;
        }

        if (exact is { } n)
        {
            return n;
        }

        return IsInteger(number) && number is >= long.MinValue and < 9.2233720368547758E+18 ? (long)number : null;
    }

    private static decimal? AsDecimal(object? value)
    {
        switch (value)
        {
            case decimal m:
                return m;
            case JsonElement { ValueKind: JsonValueKind.Number } json when json.TryGetDecimal(out var jm):
                return jm;
        }

        if (value is bool || !TryAsDouble(value, out var number, out var exact))
        {
            return null;
        }

        if (exact is { } n)
        {
            return n;
        }

        return double.IsFinite(number) && Math.Abs(number) < 7.9e28 ? (decimal)number : null;
    }

    private static bool IsInteger(double number) => double.IsFinite(number) && Math.Floor(number) == number;

    private static bool IsIntegerText(string s) =>
        s.Length > 0 && System.Text.RegularExpressions.Regex.IsMatch(s, "^-?(?:0|[1-9][0-9]*)$");

    // JavaScript's Number(string): surrounding whitespace ignored, decimal or exponent notation.
    private static bool TryParseJsNumber(string text, out double number) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    /// <summary>graphql-js's defaultScalarValueToLiteral for the values a scalar may hold.</summary>
    internal static ValueNode? DefaultValueToLiteral(object? value)
    {
        switch (value)
        {
            case null:
                return new NullValueNode();
            case bool b:
                return new BooleanValueNode(b);
            case string s:
                return new StringValueNode(s);
        }

        if (AsInteger(value) is { } n && value is not double and not float)
        {
            return new IntValueNode(n.ToString(CultureInfo.InvariantCulture));
        }

        if (TryAsDouble(value, out var number, out _))
        {
            if (!double.IsFinite(number))
            {
                return new NullValueNode();
            }

            var text = value is decimal m ? m.ToString(CultureInfo.InvariantCulture) : Inspect.JsNumber(number);
            return IsIntegerText(text) ? new IntValueNode(text) : new FloatValueNode(text);
        }

        return null;
    }
}
