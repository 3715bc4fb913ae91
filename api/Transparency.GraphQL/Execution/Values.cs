using System.Collections;
using System.Text.Json;
using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Execution;

/// <summary>
/// Coercion of variable values and arguments (spec Section 6.1.2 CoerceVariableValues, 6.4.1
/// CoerceArgumentValues) with graphql-js 17's error messages, e.g.
/// <c>Variable "$x" has invalid value: Expected value of non-null type "Int!" not to be null.</c>
/// Coerced lists are <c>List&lt;object?&gt;</c>, input objects <c>Dictionary&lt;string, object?&gt;</c>.
/// </summary>
public static class Values
{
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    /// <summary>
    /// Coerces the raw variable values of an operation. Returns the coerced values, or null with
    /// every problem in errors (graphql-js reports them all, not only the first).
    /// </summary>
    public static IReadOnlyDictionary<string, object?>? CoerceVariableValues(
        GraphQLSchema schema,
        IReadOnlyList<VariableDefinitionNode> definitions,
        IReadOnlyDictionary<string, object?>? inputs,
        out IReadOnlyList<GraphQLError> errors)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(definitions);
        errors = [];
        if (definitions.Count == 0)
        {
            return Empty;
        }

        var problems = new List<GraphQLError>();
        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var name = definition.Variable.Name.Value;
            var type = TypeFromAst.Convert(schema, definition.Type);
            if (type is null || !type.IsInputType())
            {
                problems.Add(new GraphQLError(
                    $"Variable \"${name}\" expected value of type \"{Printer.Print(definition.Type)}\" which cannot be used as an input type.",
                    [definition.Type],
                    extensions: ErrorCodes.With(ErrorCodes.BadUserInput)));
                continue;
            }

            object? value = null;
            var provided = inputs is not null && inputs.TryGetValue(name, out value);
            if (value is JsonElement { ValueKind: JsonValueKind.Undefined })
            {
                provided = false;
            }

            if (!provided && definition.DefaultValue is not null)
            {
                if (ValueFromAst.TryConvert(definition.DefaultValue, type, null, out var defaultValue))
                {
                    coerced[name] = defaultValue;
                }
                else
                {
                    problems.Add(new GraphQLError(
                        $"Variable \"${name}\" has invalid default value: Expected value of type \"{type}\", found: {Printer.Print(definition.DefaultValue)}.",
                        [definition],
                        extensions: ErrorCodes.With(ErrorCodes.BadUserInput)));
                }

                continue;
            }

            if (!provided && type is not NonNullType)
            {
                continue;
            }

            var valid = true;
            var result = CoerceInputValue(provided ? value : Missing, type, [], (path, message) =>
            {
                valid = false;
                problems.Add(new GraphQLError(
                    $"Variable \"${name}\" has invalid value{PrintPath(path)}: {message}",
                    [definition],
                    extensions: ErrorCodes.With(ErrorCodes.BadUserInput)));
            });
            if (valid)
            {
                coerced[name] = result;
            }
        }

        if (problems.Count > 0)
        {
            errors = problems;
            return null;
        }

        return coerced;
    }

    /// <summary>
    /// The coerced arguments of a field or directive (spec CoerceArgumentValues). Throws a
    /// GraphQLError located at the node when an argument is missing or invalid.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> CoerceArgumentValues(
        IReadOnlyList<InputValueDefinition> definitions,
        IReadOnlyList<ArgumentNode> arguments,
        Node node,
        IReadOnlyDictionary<string, object?> variables,
        Func<InputValueDefinition, string> describe)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(describe);
        if (definitions.Count == 0)
        {
            return Empty;
        }

        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            ArgumentNode? argument = null;
            foreach (var candidate in arguments)
            {
                if (candidate.Name.Value == definition.Name)
                {
                    argument = candidate;
                    break;
                }
            }

            if (argument is null || (argument.Value is VariableNode variable && !variables.ContainsKey(variable.Name.Value) && !definition.IsRequired))
            {
                if (argument is null && definition.IsRequired)
                {
                    throw new GraphQLError(
                        $"{describe(definition)} of required type \"{definition.Type}\" was not provided.",
                        [node],
                        extensions: ErrorCodes.With(ErrorCodes.BadUserInput));
                }

                if (definition.TryGetDefault(out var defaultValue))
                {
                    coerced[definition.Name] = defaultValue;
                }

                continue;
            }

            if (ValueFromAst.TryConvert(argument.Value, definition.Type, variables, out var value))
            {
                coerced[definition.Name] = value;
                continue;
            }

            var (path, message) = ExplainInvalidLiteral(argument.Value, definition.Type, variables, []);
            throw new GraphQLError(
                $"{describe(definition)} has invalid value{PrintPath(path)}: {message}",
                [argument.Value],
                extensions: ErrorCodes.With(ErrorCodes.BadUserInput));
        }

        return coerced;
    }

    /// <summary>Whether a selection is excluded by @skip(if: true) or @include(if: false) (spec Section 3.13).</summary>
    public static bool IsExcluded(IReadOnlyList<DirectiveNode> directives, IReadOnlyDictionary<string, object?> variables)
    {
        ArgumentNullException.ThrowIfNull(directives);
        for (var i = 0; i < directives.Count; i++)
        {
            var directive = directives[i];
            var name = directive.Name.Value;
            if (name == "skip" && IfArgument(directive, variables))
            {
                return true;
            }

            if (name == "include" && !IfArgument(directive, variables))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IfArgument(DirectiveNode directive, IReadOnlyDictionary<string, object?> variables)
    {
        var definition = directive.Name.Value == "skip" ? Directives.Skip : Directives.Include;
        var arguments = CoerceArgumentValues(definition.Arguments, directive.Arguments, directive, variables, a => $"Argument \"@{definition.Name}({a.Name}:)\"");
        return arguments.TryGetValue("if", out var value) && value is true;
    }

    /// <summary>" at .a[0].b", as graphql-js's printPathArray; empty for the root.</summary>
    internal static string PrintPath(IReadOnlyList<object> path)
    {
        if (path.Count == 0)
        {
            return string.Empty;
        }

        var text = new System.Text.StringBuilder(" at ");
        foreach (var key in path)
        {
            if (key is int index)
            {
                text.Append('[').Append(index).Append(']');
            }
            else
            {
                text.Append('.').Append(key);
            }
        }

        return text.ToString();
    }

    // graphql-js's undefined: a variable that was not provided at all.
    private static readonly object Missing = new();

    private delegate void ReportInvalid(IReadOnlyList<object> path, string message);

    // One pass that both coerces and reports, in graphql-js 17's order and wording
    // (utilities/validateInputValue.ts); the result is meaningful only when nothing was reported.
    private static object? CoerceInputValue(object? value, GraphQLType type, List<object> path, ReportInvalid report)
    {
        if (value is JsonElement { ValueKind: JsonValueKind.Null })
        {
            value = null;
        }

        if (type is NonNullType nonNull)
        {
            if (ReferenceEquals(value, Missing))
            {
                report([.. path], $"Expected a value of non-null type \"{type}\" to be provided.");
                return null;
            }

            if (value is null)
            {
                report([.. path], $"Expected value of non-null type \"{type}\" not to be null.");
                return null;
            }

            return CoerceInputValue(value, nonNull.OfType, path, report);
        }

        if (value is null || ReferenceEquals(value, Missing))
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (!IsList(value))
                {
                    // A single value where a list is expected is a list of one (spec Section 3.11).
                    return new List<object?> { CoerceInputValue(value, list.OfType, path, report) };
                }

                var items = new List<object?>();
                var index = 0;
                foreach (var item in ListItems(value))
                {
                    path.Add(index++);
                    items.Add(CoerceInputValue(item, list.OfType, path, report));
                    path.RemoveAt(path.Count - 1);
                }

                return items;

            case InputObjectType input:
                return CoerceInputObject(value, input, path, report);

            case EnumType enumType:
                return CoerceLeaf(value, type, path, report, () => enumType.ParseValue(value));

            case ScalarType scalar:
                return CoerceLeaf(value, type, path, report, () => scalar.ParseValue(value));

            default:
                report([.. path], $"Expected value of type \"{type}\" to be an input type.");
                return null;
        }
    }

    private static Dictionary<string, object?>? CoerceInputObject(object value, InputObjectType type, List<object> path, ReportInvalid report)
    {
        if (IsList(value) || !TryGetMembers(value, out var members))
        {
            report([.. path], $"Expected value of type \"{type}\" to be an object, found: {Inspect.Value(value)}.");
            return null;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            if (!members.TryGetValue(field.Name, out var fieldValue) || fieldValue is JsonElement { ValueKind: JsonValueKind.Undefined })
            {
                if (field.TryGetDefault(out var defaultValue))
                {
                    result[field.Name] = defaultValue;
                }
                else if (field.Type is NonNullType)
                {
                    report([.. path], $"Expected value of type \"{type}\" to include required field \"{field.Name}\", found: {Inspect.Value(value)}.");
                }

                continue;
            }

            path.Add(field.Name);
            result[field.Name] = CoerceInputValue(fieldValue, field.Type, path, report);
            path.RemoveAt(path.Count - 1);
        }

        var given = new List<string>();
        foreach (var name in members.Keys)
        {
            if (type.GetField(name) is null)
            {
                var suggestion = Suggestions.DidYouMean(Suggestions.List(name, type.Fields.Select(f => f.Name)));
                report(
                    [.. path],
                    $"Expected value of type \"{type}\" not to include unknown field \"{name}\""
                    + (suggestion.Length > 0 ? $".{suggestion} Found" : ", found") + $": {Inspect.Value(value)}.");
                continue;
            }

            given.Add(name);
        }

        if (type.IsOneOf)
        {
            if (given.Count != 1)
            {
                report([.. path], OneOfMessage(type));
            }
            else if (members[given[0]] is null or JsonElement { ValueKind: JsonValueKind.Null })
            {
                report([.. path, given[0]], OneOfMessage(type));
            }
        }

        return result;
    }

    private static object? CoerceLeaf(object value, GraphQLType type, List<object> path, ReportInvalid report, Func<object?> parse)
    {
        try
        {
            var parsed = parse();
            if (parsed is null)
            {
                report([.. path], $"Expected value of type \"{type}\", found: {Inspect.Value(value)}.");
            }

            return parsed;
        }
        catch (GraphQLError error)
        {
            report([.. path], error.Message);
        }
        catch (Exception error) when (error is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            report([.. path], $"Expected value of type \"{type}\", but encountered error \"{error.Message}\"; found: {Inspect.Value(value)}.");
        }

        return null;
    }

    private static string OneOfMessage(InputObjectType type) =>
        $"Within OneOf Input Object type \"{type}\", exactly one field must be specified, and the value for that field must be non-null.";

    // Why a literal did not coerce (graphql-js validateInputLiteral), for the argument's message.
    private static (IReadOnlyList<object> Path, string Message) ExplainInvalidLiteral(
        ValueNode node, GraphQLType type, IReadOnlyDictionary<string, object?> variables, List<object> path)
    {
        if (node is VariableNode variable)
        {
            var name = variable.Name.Value;
            if (type is NonNullType)
            {
                if (!variables.TryGetValue(name, out var value))
                {
                    return ([.. path], $"Expected variable \"${name}\" provided to type \"{type}\" to provide a runtime value.");
                }

                if (value is null)
                {
                    return ([.. path], $"Expected variable \"${name}\" provided to non-null type \"{type}\" not to be null.");
                }
            }

            return ([.. path], $"Expected value of type \"{type}\", found: {Printer.Print(node)}.");
        }

        if (type is NonNullType nonNull)
        {
            return node is NullValueNode
                ? ([.. path], $"Expected value of non-null type \"{type}\" not to be null.")
                : ExplainInvalidLiteral(node, nonNull.OfType, variables, path);
        }

        switch (type)
        {
            case ListType list when node is ListValueNode listNode:
                for (var i = 0; i < listNode.Values.Count; i++)
                {
                    if (!ValueFromAst.TryConvert(listNode.Values[i], list.OfType, variables, out _))
                    {
                        path.Add(i);
                        return ExplainInvalidLiteral(listNode.Values[i], list.OfType, variables, path);
                    }
                }

                break;
            case ListType list:
                return ExplainInvalidLiteral(node, list.OfType, variables, path);
            case InputObjectType input:
                if (node is not ObjectValueNode objectNode)
                {
                    return ([.. path], $"Expected value of type \"{type}\" to be an object, found: {Printer.Print(node)}.");
                }

                foreach (var field in input.Fields)
                {
                    var fieldNode = objectNode.Fields.FirstOrDefault(f => f.Name.Value == field.Name);
                    if (fieldNode is null)
                    {
                        if (field.IsRequired)
                        {
                            return ([.. path], $"Expected value of type \"{type}\" to include required field \"{field.Name}\", found: {Printer.Print(node)}.");
                        }

                        continue;
                    }

                    if (fieldNode.Value is VariableNode fieldVariable && !variables.ContainsKey(fieldVariable.Name.Value) && !field.IsRequired && !input.IsOneOf)
                    {
                        continue;
                    }

                    if (!ValueFromAst.TryConvert(fieldNode.Value, field.Type, variables, out _))
                    {
                        path.Add(field.Name);
                        return ExplainInvalidLiteral(fieldNode.Value, field.Type, variables, path);
                    }
                }

                foreach (var fieldNode in objectNode.Fields)
                {
                    if (input.GetField(fieldNode.Name.Value) is null)
                    {
                        var suggestion = Suggestions.DidYouMean(Suggestions.List(fieldNode.Name.Value, input.Fields.Select(f => f.Name)));
                        return (
                            [.. path],
                            $"Expected value of type \"{type}\" not to include unknown field \"{fieldNode.Name.Value}\""
                            + (suggestion.Length > 0 ? $".{suggestion} Found" : ", found") + $": {Printer.Print(node)}.");
                    }
                }

                if (input.IsOneOf)
                {
                    return ([.. path], OneOfMessage(input));
                }

                break;
            case EnumType enumType:
                try
                {
                    enumType.ParseLiteral(node);
                }
                catch (GraphQLError error)
                {
                    return ([.. path], error.Message);
                }

                break;
            case ScalarType scalar:
                try
                {
                    if (scalar.ParseLiteral(node) is null)
                    {
                        return ([.. path], $"Expected value of type \"{type}\", found: {Printer.Print(node)}.");
                    }
                }
                catch (GraphQLError error)
                {
                    return ([.. path], error.Message);
                }
                catch (Exception error) when (error is FormatException or InvalidCastException or OverflowException or ArgumentException)
                {
                    return ([.. path], $"Expected value of type \"{type}\", but encountered error \"{error.Message}\"; found: {Printer.Print(node)}.");
                }

                break;
        }

        return ([.. path], $"Expected value of type \"{type}\", found: {Printer.Print(node)}.");
    }

    private static bool IsList(object value) => value switch
    {
        string => false,
        JsonElement json => json.ValueKind == JsonValueKind.Array,
        IDictionary or IReadOnlyDictionary<string, object?> => false,
        IEnumerable => true,
        _ => false,
    };

    private static IEnumerable<object?> ListItems(object value) => value switch
    {
        JsonElement json => json.EnumerateArray().Select(e => (object?)e),
        IEnumerable items => items.Cast<object?>(),
        _ => [value],
    };

    private static bool TryGetMembers(object value, out IReadOnlyDictionary<string, object?> members)
    {
        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Object } json:
                var fromJson = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in json.EnumerateObject())
                {
                    fromJson[JsonValues.Name(property)] = property.Value;
                }

                members = fromJson;
                return true;
            case IReadOnlyDictionary<string, object?> readOnly:
                members = readOnly;
                return true;
            case IDictionary<string, object?> dictionary:
                members = dictionary.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                return true;
            default:
                members = Empty;
                return false;
        }
    }
}
