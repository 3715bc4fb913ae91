using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules.Overlap;

/// <summary>
/// Whether two fields (or two @stream directives) are called with the same arguments, as
/// graphql-js compares them: argument order does not matter, nor the order of an input
/// object's fields; everything else must print the same. graphql-js prints both values to
/// compare them; comparing the nodes gives the same answer without printing, whose wrapped
/// output grows with the square of an object's nesting depth.
/// </summary>
internal static class ArgumentComparison
{
    public static bool SameArguments(IReadOnlyList<ArgumentNode> arguments1, IReadOnlyList<ArgumentNode> arguments2)
    {
        if (arguments1.Count == 0)
        {
            return arguments2.Count == 0;
        }

        if (arguments2.Count == 0 || arguments1.Count != arguments2.Count)
        {
            return false;
        }

        var values2 = new Dictionary<string, ValueNode>(arguments2.Count, StringComparer.Ordinal);
        foreach (var argument in arguments2)
        {
            values2[argument.Name.Value] = argument.Value;
        }

        foreach (var argument in arguments1)
        {
            if (!values2.TryGetValue(argument.Name.Value, out var value2)
                || !SameValue(argument.Value, value2))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Two fields conflict when one is streamed and the other is not, or both are streamed
    /// differently (graphql-js 17): their list items would be delivered in different ways.
    /// </summary>
    public static bool SameStreams(IReadOnlyList<DirectiveNode> directives1, IReadOnlyList<DirectiveNode> directives2)
    {
        var stream1 = FindStream(directives1);
        var stream2 = FindStream(directives2);
        if (stream1 is null || stream2 is null)
        {
            return stream1 is null && stream2 is null;
        }

        return SameArguments(stream1.Arguments, stream2.Arguments);
    }

    /// <summary>
    /// Whether two values print the same once every object's fields are in name order
    /// (graphql-js sortValueNode, then print): same kind, same text, and a block string is not
    /// the same as a quoted one.
    /// </summary>
    public static bool SameValue(ValueNode value1, ValueNode value2) => (value1, value2) switch
    {
        (VariableNode a, VariableNode b) => a.Name.Value == b.Name.Value,
        (IntValueNode a, IntValueNode b) => a.Value == b.Value,
        (FloatValueNode a, FloatValueNode b) => a.Value == b.Value,
        (StringValueNode a, StringValueNode b) => a.Value == b.Value && a.Block == b.Block,
        (BooleanValueNode a, BooleanValueNode b) => a.Value == b.Value,
        (NullValueNode, NullValueNode) => true,
        (EnumValueNode a, EnumValueNode b) => a.Value == b.Value,
        (ListValueNode a, ListValueNode b) => SameValues(a.Values, b.Values),
        (ObjectValueNode a, ObjectValueNode b) => SameFields(a.Fields, b.Fields),
        _ => false,
    };

    private static bool SameValues(IReadOnlyList<ValueNode> values1, IReadOnlyList<ValueNode> values2)
    {
        if (values1.Count != values2.Count)
        {
            return false;
        }

        for (var i = 0; i < values1.Count; i++)
        {
            if (!SameValue(values1[i], values2[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Sorted stably by name, as sortValueNode does: a name given twice keeps its order.
    private static bool SameFields(IReadOnlyList<ObjectFieldNode> fields1, IReadOnlyList<ObjectFieldNode> fields2)
    {
        if (fields1.Count != fields2.Count)
        {
            return false;
        }

        var sorted1 = fields1.OrderBy(f => f.Name.Value, StringComparer.Ordinal).ToList();
        var sorted2 = fields2.OrderBy(f => f.Name.Value, StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted1.Count; i++)
        {
            if (sorted1[i].Name.Value != sorted2[i].Name.Value || !SameValue(sorted1[i].Value, sorted2[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    private static DirectiveNode? FindStream(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value == "stream")
            {
                return directive;
            }
        }

        return null;
    }
}
