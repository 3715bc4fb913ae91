using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Utilities;

/// <summary>
/// A literal to the value of an input type (graphql-js valueFromAST): lists and input objects
/// become <c>List&lt;object?&gt;</c> and <c>Dictionary&lt;string, object?&gt;</c>, leaves go
/// through the type's ParseLiteral. Variables are looked up in already-coerced variable
/// values. An invalid literal yields false, never an exception: validation reports why.
/// </summary>
public static class ValueFromAst
{
    /// <summary>Stands for graphql-js's undefined where a value slot must say "invalid".</summary>
    internal static readonly object Invalid = new();

    public static bool TryConvert(ValueNode? node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        value = node is null ? Invalid : Convert(node, type, variables);
        if (ReferenceEquals(value, Invalid))
        {
            value = null;
            return false;
        }

        return true;
    }

    /// <summary>The value, or null when invalid (use TryConvert to tell null from invalid).</summary>
    public static object? ConvertOrNull(ValueNode node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables = null) =>
        TryConvert(node, type, variables, out var value) ? value : null;

    private static object? Convert(ValueNode node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables)
    {
        if (node is VariableNode variable)
        {
            // A missing variable is invalid here; the caller decides about defaults.
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out var variableValue))
            {
                return Invalid;
            }

            // Variables were coerced to their own types; a null one cannot fill a non-null slot.
            return variableValue is null && type is NonNullType ? Invalid : variableValue;
        }

        if (type is NonNullType nonNull)
        {
            return node is NullValueNode ? Invalid : Convert(node, nonNull.OfType, variables);
        }

        if (node is NullValueNode)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                return ConvertList(node, list.OfType, variables);
            case InputObjectType input:
                return ConvertObject(node, input, variables);
            case ScalarType scalar:
                return ParseLeaf(() => scalar.ParseLiteral(node));
            case EnumType enumType:
                return ParseLeaf(() => enumType.ParseLiteral(node));
            default:
                return Invalid;
        }
    }

    private static object? ConvertList(ValueNode node, GraphQLType itemType, IReadOnlyDictionary<string, object?>? variables)
    {
        if (node is not ListValueNode listNode)
        {
            // Input coercion of a single item to a list of one (spec Section 3.11).
            var single = Convert(node, itemType, variables);
            return ReferenceEquals(single, Invalid) ? Invalid : new List<object?> { single };
        }

        var items = new List<object?>(listNode.Values.Count);
        foreach (var itemNode in listNode.Values)
        {
            if (IsMissingVariable(itemNode, variables))
            {
                // A missing variable in a list is null, if the item type allows it.
                if (itemType is NonNullType)
                {
                    return Invalid;
                }

                items.Add(null);
                continue;
            }

            var item = Convert(itemNode, itemType, variables);
            if (ReferenceEquals(item, Invalid))
            {
                return Invalid;
            }

            items.Add(item);
        }

        return items;
    }

    private static object? ConvertObject(ValueNode node, InputObjectType type, IReadOnlyDictionary<string, object?>? variables)
    {
        if (node is not ObjectValueNode objectNode)
        {
            return Invalid;
        }

        var fieldNodes = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
        foreach (var field in objectNode.Fields)
        {
            fieldNodes.TryAdd(field.Name.Value, field);
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            if (!fieldNodes.TryGetValue(field.Name, out var fieldNode) || IsMissingVariable(fieldNode.Value, variables))
            {
                if (field.TryGetDefault(out var defaultValue))
                {
                    result[field.Name] = defaultValue;
                }
                else if (field.Type is NonNullType)
                {
                    return Invalid;
                }

                continue;
            }

            var fieldValue = Convert(fieldNode.Value, field.Type, variables);
            if (ReferenceEquals(fieldValue, Invalid))
            {
                return Invalid;
            }

            result[field.Name] = fieldValue;
        }

        foreach (var name in fieldNodes.Keys)
        {
            if (type.GetField(name) is null)
            {
                return Invalid;
            }
        }

        // @oneOf: exactly one field, and it is not null.
        if (type.IsOneOf && (result.Count != 1 || result.Values.First() is null))
        {
            return Invalid;
        }

        return type.CreateValue(result);
    }

    private static object? ParseLeaf(Func<object?> parse)
    {
        try
        {
            return parse();
        }
        catch (GraphQLError)
        {
            return Invalid;
        }
        catch (FormatException)
        {
            return Invalid;
        }
        catch (OverflowException)
        {
            return Invalid;
        }
    }

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name.Value));
}

/// <summary>
/// A literal to a plain value without a type (graphql-js valueFromASTUntyped): ints as int
/// (long, then double when too large), floats as double, objects as dictionaries.
/// </summary>
public static class ValueFromAstUntyped
{
    public static object? Convert(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node)
        {
            case NullValueNode:
                return null;
            case IntValueNode i:
                if (int.TryParse(i.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var small))
                {
                    return small;
                }

                return long.TryParse(i.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var big)
                    ? (object)big
                    : double.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture);
            case FloatValueNode f:
                return double.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture);
            case StringValueNode s:
                return s.Value;
            case EnumValueNode e:
                return e.Value;
            case BooleanValueNode b:
                return b.Value;
            case ListValueNode list:
                return list.Values.Select(v => Convert(v, variables)).ToList();
            case ObjectValueNode obj:
                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in obj.Fields)
                {
                    result[field.Name.Value] = Convert(field.Value, variables);
                }

                return result;
            case VariableNode variable:
                return variables is not null && variables.TryGetValue(variable.Name.Value, out var value) ? value : null;
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node.Kind, "Not a value node.");
        }
    }
}

/// <summary>JSON values as plain CLR values: numbers as int, long or double, objects as dictionaries.</summary>
public static class JsonValues
{
    public static object? ToClr(System.Text.Json.JsonElement json)
    {
        switch (json.ValueKind)
        {
            case System.Text.Json.JsonValueKind.String:
                return Text(json);
            case System.Text.Json.JsonValueKind.True:
                return true;
            case System.Text.Json.JsonValueKind.False:
                return false;
            case System.Text.Json.JsonValueKind.Number:
                return json.TryGetInt32(out var i) ? i : json.TryGetInt64(out var l) ? (object)l : json.GetDouble();
            case System.Text.Json.JsonValueKind.Array:
                return json.EnumerateArray().Select(ToClr).ToList();
            case System.Text.Json.JsonValueKind.Object:
                // A name given twice keeps its last value, as JSON.parse does.
                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in json.EnumerateObject())
                {
                    result[Name(property)] = ToClr(property.Value);
                }

                return result;
            default:
                return null;
        }
    }

    /// <summary>
    /// The text of a JSON string. JSON's grammar allows an escape naming a lone surrogate
    /// ("\ud800"), and JavaScript's JSON.parse keeps it; System.Text.Json's GetString refuses
    /// it, so such a string is unescaped here instead, the surrogate kept.
    /// </summary>
    public static string Text(System.Text.Json.JsonElement json)
    {
        try
        {
            return json.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return UnescapeLiteral(json.GetRawText());
        }
    }

    /// <summary>A property's name, lone surrogates kept as in <see cref="Text"/>.</summary>
    public static string Name(System.Text.Json.JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            // ToString is the property's raw text, starting with its quoted name.
            return UnescapeLiteral(property.ToString());
        }
    }

    // The first JSON string literal of raw (which starts with its opening quote), unescaped.
    private static string UnescapeLiteral(string raw)
    {
        var text = new System.Text.StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length && raw[i] != '"'; i++)
        {
            if (raw[i] != '\\')
            {
                text.Append(raw[i]);
                continue;
            }

            i++;
            text.Append(raw[i] switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => (char)int.Parse(raw.AsSpan(i + 1, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture),
                var escaped => escaped,
            });
            if (raw[i] == 'u')
            {
                i += 4;
            }
        }

        return text.ToString();
    }
}
