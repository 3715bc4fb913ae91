using System.Text.Json;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Utilities;

/// <summary>
/// A runtime input value (a variable, as CLR values or JSON) to the value of an input type
/// (graphql-js utilities/coerceInputValue, spec Section 3.10 "Input Coercion"), reporting each
/// problem with the path into the value where it is.
/// </summary>
public static class CoerceInputValue
{
    /// <summary>Receives the path into the value, the offending value, and the error.</summary>
    public delegate void OnError(IReadOnlyList<object> path, object? invalidValue, GraphQLError error);

    /// <summary>Coerces, throwing the first problem as a GraphQLError (graphql-js's defaultOnError wording).</summary>
    public static object? Coerce(object? inputValue, GraphQLType type) =>
        Coerce(inputValue, type, ThrowOnError);

    /// <summary>Coerces, reporting every problem to onError; the result is meaningful only if none was reported.</summary>
    public static object? Coerce(object? inputValue, GraphQLType type, OnError onError)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(onError);
        return Coerce(inputValue, type, onError, null);
    }

    private static object? Coerce(object? inputValue, GraphQLType type, OnError onError, ResponsePath? path)
    {
        if (inputValue is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined })
        {
            inputValue = null;
        }

        if (type is NonNullType nonNull)
        {
            if (inputValue is not null)
            {
                return Coerce(inputValue, nonNull.OfType, onError, path);
            }

            onError(PathOf(path), inputValue, new GraphQLError($"Expected non-nullable type \"{type}\" not to be null."));
            return null;
        }

        if (inputValue is null)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (AstFromValue.IsList(inputValue))
                {
                    var items = new List<object?>();
                    var index = 0;
                    foreach (var item in AstFromValue.Items(inputValue))
                    {
                        items.Add(Coerce(item, list.OfType, onError, new ResponsePath(path, index++)));
                    }

                    return items;
                }

                // A single value where a list is expected is a list of one (spec Section 3.11).
                return new List<object?> { Coerce(inputValue, list.OfType, onError, path) };

            case InputObjectType input:
                return CoerceObject(inputValue, input, onError, path);

            case ScalarType or EnumType:
                return CoerceLeaf(inputValue, (NamedType)type, onError, path);

            default:
                throw new ArgumentException($"Unexpected input type: {type}.", nameof(type));
        }
    }

    private static object? CoerceObject(object inputValue, InputObjectType type, OnError onError, ResponsePath? path)
    {
        if (AstFromValue.IsList(inputValue) || !AstFromValue.TryGetMembers(inputValue, out var members))
        {
            onError(PathOf(path), inputValue, new GraphQLError($"Expected type \"{type.Name}\" to be an object."));
            return null;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            if (!members(field.Name, out var fieldValue))
            {
                if (field.TryGetDefault(out var defaultValue))
                {
                    result[field.Name] = defaultValue;
                }
                else if (field.Type is NonNullType)
                {
                    onError(
                        PathOf(path),
                        inputValue,
                        new GraphQLError($"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided."));
                }

                continue;
            }

            result[field.Name] = Coerce(fieldValue, field.Type, onError, new ResponsePath(path, field.Name, type.Name));
        }

        // Fields the type does not define.
        foreach (var name in KeysOf(inputValue))
        {
            if (type.GetField(name) is null)
            {
                var suggestions = Suggestions.List(name, type.Fields.Select(f => f.Name));
                onError(
                    PathOf(path),
                    inputValue,
                    new GraphQLError($"Field \"{name}\" is not defined by type \"{type.Name}\"." + Suggestions.DidYouMean(suggestions)));
            }
        }

        if (type.IsOneOf)
        {
            if (result.Count != 1)
            {
                onError(PathOf(path), inputValue, new GraphQLError($"Exactly one key must be specified for OneOf type \"{type.Name}\"."));
            }
            else
            {
                var (key, value) = result.First();
                if (value is null)
                {
                    onError([.. PathOf(path), key], value, new GraphQLError($"Field \"{key}\" must be non-null."));
                }
            }
        }

        try
        {
            return type.CreateValue(result);
        }
        catch (Exception error) when (type.ToClrValue is not null && error is not GraphQLError)
        {
            // Reached when a field was already reported invalid and the record cannot be built.
            onError(PathOf(path), inputValue, new GraphQLError($"Expected type \"{type.Name}\". " + error.Message, error));
            return null;
        }
    }

    private static object? CoerceLeaf(object inputValue, NamedType type, OnError onError, ResponsePath? path)
    {
        try
        {
            var parsed = type is EnumType enumType ? enumType.ParseValue(inputValue) : ((ScalarType)type).ParseValue(inputValue);
            if (parsed is null)
            {
                onError(PathOf(path), inputValue, new GraphQLError($"Expected type \"{type.Name}\"."));
            }

            return parsed;
        }
        catch (GraphQLError error)
        {
            onError(PathOf(path), inputValue, error);
        }
        catch (Exception error) when (error is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            onError(PathOf(path), inputValue, new GraphQLError($"Expected type \"{type.Name}\". " + error.Message, error));
        }

        return null;
    }

    private static IEnumerable<string> KeysOf(object value) => value switch
    {
        IReadOnlyDictionary<string, object?> readOnly => readOnly.Keys,
        IDictionary<string, object?> dictionary => dictionary.Keys,
        JsonElement { ValueKind: JsonValueKind.Object } json => json.EnumerateObject().Select(JsonValues.Name),
        _ => [],
    };

    private static IReadOnlyList<object> PathOf(ResponsePath? path) => path?.ToList() ?? [];

    // graphql-js's defaultOnError: "Invalid value 1.5 at "value.a[0]": <message>".
    private static void ThrowOnError(IReadOnlyList<object> path, object? invalidValue, GraphQLError error)
    {
        var prefix = "Invalid value " + Inspect.Value(invalidValue);
        if (path.Count > 0)
        {
            prefix += $" at \"value{PrintPath(path)}\"";
        }

        throw new GraphQLError(prefix + ": " + error.Message, nodes: error.Nodes, originalError: error.OriginalError);
    }

    /// <summary>".a[0].b", as graphql-js printPathArray writes a path into a value.</summary>
    public static string PrintPath(IReadOnlyList<object> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Concat(path.Select(key => key is int index ? $"[{index}]" : "." + key));
    }
}
