using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Utilities;

/// <summary>
/// Checks a variable-free literal against an input type and reports every problem with its
/// path (graphql-js 17's validateInputLiteral, static form). Schema validation uses it on
/// default values written in SDL.
/// </summary>
public static class ValidateInputLiteral
{
    /// <summary>Receives each problem and the path into the value (field names and list indices).</summary>
    public delegate void OnError(GraphQLError error, IReadOnlyList<object> path);

    public static void Validate(ValueNode value, GraphQLType type, OnError onError)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(onError);
        Validate(value, type, onError, null);
    }

    private static void Validate(ValueNode value, GraphQLType type, OnError onError, ResponsePath? path)
    {
        if (value is VariableNode)
        {
            return; // checked where variables are known
        }

        if (type is NonNullType nonNull)
        {
            if (value is NullValueNode)
            {
                Report(onError, $"Expected value of non-null type \"{type}\" not to be null.", value, path);
                return;
            }

            Validate(value, nonNull.OfType, onError, path);
            return;
        }

        if (value is NullValueNode)
        {
            return;
        }

        switch (type)
        {
            case ListType list:
                if (value is ListValueNode items)
                {
                    for (var i = 0; i < items.Values.Count; i++)
                    {
                        Validate(items.Values[i], list.OfType, onError, new ResponsePath(path, i));
                    }
                }
                else
                {
                    Validate(value, list.OfType, onError, path);
                }

                break;

            case InputObjectType input:
                ValidateObject(value, input, onError, path);
                break;

            case ScalarType or EnumType:
                try
                {
                    _ = type is EnumType e ? e.ParseLiteral(value) : ((ScalarType)type).ParseLiteral(value);
                }
                catch (GraphQLError error)
                {
                    onError(error, path?.ToList() ?? []);
                }
                catch (Exception error) when (error is FormatException or OverflowException or InvalidCastException or ArgumentException)
                {
                    Report(onError, $"Expected value of type \"{type}\", but encountered error \"{error.Message}\"; found: {Printer.Print(value)}.", value, path);
                }

                break;
        }
    }

    private static void ValidateObject(ValueNode value, InputObjectType type, OnError onError, ResponsePath? path)
    {
        if (value is not ObjectValueNode objectNode)
        {
            Report(onError, $"Expected value of type \"{type}\" to be an object, found: {Printer.Print(value)}.", value, path);
            return;
        }

        var fieldNodes = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
        foreach (var field in objectNode.Fields)
        {
            fieldNodes.TryAdd(field.Name.Value, field);
        }

        foreach (var field in type.Fields)
        {
            if (fieldNodes.TryGetValue(field.Name, out var fieldNode))
            {
                Validate(fieldNode.Value, field.Type, onError, new ResponsePath(path, field.Name, type.Name));
            }
            else if (field.IsRequired)
            {
                Report(onError, $"Expected value of type \"{type}\" to include required field \"{field.Name}\", found: {Printer.Print(value)}.", value, path);
            }
        }

        var known = new List<ObjectFieldNode>();
        foreach (var fieldNode in objectNode.Fields)
        {
            var name = fieldNode.Name.Value;
            if (type.GetField(name) is not null)
            {
                known.Add(fieldNode);
                continue;
            }

            var suggestion = Suggestions.DidYouMean(Suggestions.List(name, type.Fields.Select(f => f.Name)));
            Report(
                onError,
                $"Expected value of type \"{type}\" not to include unknown field \"{name}\"{(suggestion.Length > 0 ? "." + suggestion + " Found" : ", found")}: {Printer.Print(value)}.",
                fieldNode,
                path);
        }

        if (type.IsOneOf)
        {
            var message = $"Within OneOf Input Object type \"{type}\", exactly one field must be specified, and the value for that field must be non-null.";
            if (known.Count != 1)
            {
                Report(onError, message, value, path);
            }
            else if (known[0].Value is NullValueNode)
            {
                Report(onError, message, value, new ResponsePath(path, known[0].Name.Value));
            }
        }
    }

    private static void Report(OnError onError, string message, Node node, ResponsePath? path) =>
        onError(new GraphQLError(message, [node]), path?.ToList() ?? []);

    /// <summary>" at .a[0]" (graphql-js 17 printPathArray), or "" for the root.</summary>
    public static string PrintPath(IReadOnlyList<object> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Count == 0 ? string.Empty : " at " + CoerceInputValue.PrintPath(path);
    }
}
