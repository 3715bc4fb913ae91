using System.Collections;
using System.Globalization;
using System.Text.Json;
using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Utilities;

/// <summary>
/// An internal value back to a literal of its input type (graphql-js astFromValue): leaves are
/// serialized by their type, then written as the literal kind the serialized value calls for.
/// Used to print and introspect default values given in code.
/// </summary>
public static class AstFromValue
{
    /// <summary>The literal, or null when the value cannot be written for this type.</summary>
    public static ValueNode? Convert(object? value, GraphQLType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type is NonNullType nonNull)
        {
            var inner = Convert(value, nonNull.OfType);
            return inner is NullValueNode ? null : inner;
        }

        if (value is null || value is JsonElement { ValueKind: JsonValueKind.Null })
        {
            return new NullValueNode();
        }

        switch (type)
        {
            case ListType list:
                if (IsList(value))
                {
                    var items = new List<ValueNode>();
                    foreach (var item in Items(value))
                    {
                        if (Convert(item, list.OfType) is { } itemNode)
                        {
                            items.Add(itemNode);
                        }
                    }

                    return new ListValueNode(items);
                }

                return Convert(value, list.OfType);

            case InputObjectType input:
                if (!TryGetMembers(value, out var members))
                {
                    return null;
                }

                var fields = new List<ObjectFieldNode>();
                foreach (var field in input.Fields)
                {
                    if (members(field.Name, out var fieldValue) && Convert(fieldValue, field.Type) is { } fieldNode)
                    {
                        fields.Add(new ObjectFieldNode(new NameNode(field.Name), fieldNode));
                    }
                }

                return new ObjectValueNode(fields);

            case ScalarType or EnumType:
                var serialized = type is EnumType e ? e.Serialize(value) : ((ScalarType)type).Serialize(value);
                return serialized is null ? null : LiteralOf(serialized, type);

            default:
                throw new ArgumentException($"Unexpected input type: {type}.", nameof(type));
        }
    }

    private static ValueNode LiteralOf(object serialized, GraphQLType type)
    {
        if (serialized is JsonElement json)
        {
            serialized = json.ValueKind switch
            {
                JsonValueKind.String => JsonValues.Text(json),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number => json.GetDouble(),
                _ => serialized,
            };
        }

        switch (serialized)
        {
            case bool b:
                return new BooleanValueNode(b);
            case string s:
                // Enums are written bare; an ID that looks like an integer is written as one.
                if (type is EnumType)
                {
                    return new EnumValueNode(s);
                }

                if (type is ScalarType { Name: "ID" } && IsIntegerText(s))
                {
                    return new IntValueNode(s);
                }

                return new StringValueNode(s);
            case int or long or short or byte or sbyte or ushort or uint or ulong:
                return new IntValueNode(System.Convert.ToString(serialized, CultureInfo.InvariantCulture)!);
            case decimal m:
                var decimalText = m.ToString(CultureInfo.InvariantCulture);
                return IsIntegerText(decimalText) ? new IntValueNode(decimalText) : new FloatValueNode(decimalText);
            case double or float:
                var number = System.Convert.ToDouble(serialized, CultureInfo.InvariantCulture);
                if (!double.IsFinite(number))
                {
                    break;
                }

                var text = Inspect.JsNumber(number);
                return IsIntegerText(text) ? new IntValueNode(text) : new FloatValueNode(text);
        }

        throw new ArgumentException($"Cannot convert value to AST: {Inspect.Value(serialized)}.", nameof(serialized));
    }

    private static bool IsIntegerText(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, "^-?(?:0|[1-9][0-9]*)$");

    internal static bool IsList(object value) =>
        value is not string && value is not IDictionary && !IsStringKeyed(value)
        && (value is IEnumerable || value is JsonElement { ValueKind: JsonValueKind.Array });

    internal static IEnumerable<object?> Items(object value) =>
        value is JsonElement json ? json.EnumerateArray().Select(e => (object?)e) : ((IEnumerable)value).Cast<object?>();

    private static bool IsStringKeyed(object value) =>
        value is IReadOnlyDictionary<string, object?> or IDictionary<string, object?> or JsonElement { ValueKind: JsonValueKind.Object };

    internal delegate bool MemberLookup(string name, out object? value);

    /// <summary>Reads an object-like value: string-keyed dictionaries, JSON objects, or a CLR object's public properties.</summary>
    internal static bool TryGetMembers(object value, out MemberLookup lookup)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> readOnly:
                lookup = readOnly.TryGetValue;
                return true;
            case IDictionary<string, object?> dictionary:
                lookup = dictionary.TryGetValue;
                return true;
            case JsonElement { ValueKind: JsonValueKind.Object } json:
                lookup = (string name, out object? v) =>
                {
                    var found = json.TryGetProperty(name, out var property);
                    v = found ? property : null;
                    return found;
                };
                return true;
            case string or IEnumerable or JsonElement:
                lookup = null!;
                return false;
            default:
                if (value.GetType().IsPrimitive || value is decimal)
                {
                    lookup = null!;
                    return false;
                }

                var properties = value.GetType().GetProperties();
                lookup = (string name, out object? v) =>
                {
                    var property = Array.Find(properties, p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                    v = property?.GetValue(value);
                    return property is not null;
                };
                return true;
        }
    }
}
