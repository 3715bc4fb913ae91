using System.Text;

namespace Transparency.GraphQL.Language;

/// <summary>
/// Prints an AST back to GraphQL text exactly as graphql-js 17's print() does: two-space
/// indentation, block strings kept as block strings, and argument lists, list values and
/// object values wrapped onto several lines once they pass 80 characters.
/// </summary>
/// <remarks>
/// graphql-js builds a rope and indents while rendering; indenting each printed child eagerly
/// (a leading "  " and "  " after every newline) gives the same text and the same lengths,
/// which is what its line-length decisions read.
/// </remarks>
public static class Printer
{
    private const int MaxLineLength = 80;

    public static string Print(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            NameNode n => n.Value,
            VariableNode n => "$" + n.Name.Value,
            DocumentNode n => Join(n.Definitions.Select(Print), "\n\n"),
            OperationDefinitionNode n => PrintOperation(n),
            VariableDefinitionNode n => Join(
            [
                Wrap(string.Empty, PrintOrNull(n.Description), "\n"),
                Print(n.Variable),
                ": ",
                Print(n.Type),
                Wrap(" = ", PrintOrNull(n.DefaultValue)),
                Wrap(" ", Join(n.Directives.Select(Print), " ")),
            ]),
            SelectionSetNode n => n.Selections.Count == 0 ? "{}" : Block(n.Selections.Select(Print)),
            FieldNode n => Join(
            [
                WrappedLineAndArgs(Join([Wrap(string.Empty, PrintOrNull(n.Alias), ": "), n.Name.Value]), n.Arguments),
                Wrap(" ", Join(n.Directives.Select(Print), " ")),
                Wrap(" ", PrintOrNull(n.SelectionSet)),
            ]),
            ArgumentNode n => n.Name.Value + ": " + Print(n.Value),
            FragmentSpreadNode n => Join(["...", n.Name.Value, Wrap(" ", Join(n.Directives.Select(Print), " "))]),
            InlineFragmentNode n => Join(
                ["...", Wrap("on ", PrintOrNull(n.TypeCondition)), Join(n.Directives.Select(Print), " "), Print(n.SelectionSet)],
                " "),
            FragmentDefinitionNode n => Join(
            [
                Wrap(string.Empty, PrintOrNull(n.Description), "\n"),
                "fragment ",
                n.Name.Value,
                " on ",
                Print(n.TypeCondition),
                " ",
                Wrap(string.Empty, Join(n.Directives.Select(Print), " "), " "),
                Print(n.SelectionSet),
            ]),
            IntValueNode n => n.Value,
            FloatValueNode n => n.Value,
            StringValueNode n => n.Block ? BlockString.Print(n.Value) : PrintString(n.Value),
            BooleanValueNode n => n.Value ? "true" : "false",
            NullValueNode => "null",
            EnumValueNode n => n.Value,
            ListValueNode n => PrintList(n.Values.Select(Print).ToList()),
            ObjectValueNode n => PrintObject(n.Fields.Select(Print).ToList()),
            ObjectFieldNode n => n.Name.Value + ": " + Print(n.Value),
            DirectiveNode n => Join(["@", n.Name.Value, Wrap("(", Join(n.Arguments.Select(Print), ", "), ")")]),
            NamedTypeNode n => n.Name.Value,
            ListTypeNode n => "[" + Print(n.Type) + "]",
            NonNullTypeNode n => Print(n.Type) + "!",
            SchemaDefinitionNode n => Join(
            [
                Wrap(string.Empty, PrintOrNull(n.Description), "\n"),
                Join(["schema", Join(n.Directives.Select(Print), " "), Block(n.OperationTypes.Select(Print))], " "),
            ]),
            OperationTypeDefinitionNode n => OperationName(n.Operation) + ": " + Print(n.Type),
            ScalarTypeDefinitionNode n => Described(n.Description, Join(["scalar", n.Name.Value, Join(n.Directives.Select(Print), " ")], " ")),
            ObjectTypeDefinitionNode n => Described(n.Description, PrintFieldsType("type", n.Name, n.Interfaces, n.Directives, n.Fields)),
            FieldDefinitionNode n => Join(
            [
                Wrap(string.Empty, PrintOrNull(n.Description), "\n"),
                n.Name.Value,
                PrintArgumentDefinitions(n.Arguments),
                ": ",
                Print(n.Type),
                Wrap(" ", Join(n.Directives.Select(Print), " ")),
            ]),
            InputValueDefinitionNode n => Join(
            [
                Wrap(string.Empty, PrintOrNull(n.Description), "\n"),
                n.Name.Value,
                ": ",
                Print(n.Type),
                Wrap(" = ", PrintOrNull(n.DefaultValue)),
                Wrap(" ", Join(n.Directives.Select(Print), " ")),
            ]),
            InterfaceTypeDefinitionNode n => Described(n.Description, PrintFieldsType("interface", n.Name, n.Interfaces, n.Directives, n.Fields)),
            UnionTypeDefinitionNode n => Described(n.Description, PrintUnion("union", n.Name, n.Directives, n.Types)),
            EnumTypeDefinitionNode n => Described(
                n.Description,
                Join(["enum", n.Name.Value, Join(n.Directives.Select(Print), " "), Block(n.Values.Select(Print))], " ")),
            EnumValueDefinitionNode n => Described(n.Description, Join([n.Name.Value, Join(n.Directives.Select(Print), " ")], " ")),
            InputObjectTypeDefinitionNode n => Described(
                n.Description,
                Join(["input", n.Name.Value, Join(n.Directives.Select(Print), " "), Block(n.Fields.Select(Print))], " ")),
            DirectiveDefinitionNode n => Join(
            [
                Wrap(string.Empty, PrintOrNull(n.Description), "\n"),
                "directive @",
                n.Name.Value,
                PrintArgumentDefinitions(n.Arguments),
                Wrap(" ", Join(n.Directives.Select(Print), " ")),
                n.Repeatable ? " repeatable" : string.Empty,
                " on ",
                Join(n.Locations.Select(Print), " | "),
            ]),
            SchemaExtensionNode n => Join(
                ["extend schema", Join(n.Directives.Select(Print), " "), Block(n.OperationTypes.Select(Print))],
                " "),
            ScalarTypeExtensionNode n => Join(["extend scalar", n.Name.Value, Join(n.Directives.Select(Print), " ")], " "),
            ObjectTypeExtensionNode n => PrintFieldsType("extend type", n.Name, n.Interfaces, n.Directives, n.Fields),
            InterfaceTypeExtensionNode n => PrintFieldsType("extend interface", n.Name, n.Interfaces, n.Directives, n.Fields),
            UnionTypeExtensionNode n => PrintUnion("extend union", n.Name, n.Directives, n.Types),
            EnumTypeExtensionNode n => Join(
                ["extend enum", n.Name.Value, Join(n.Directives.Select(Print), " "), Block(n.Values.Select(Print))],
                " "),
            InputObjectTypeExtensionNode n => Join(
                ["extend input", n.Name.Value, Join(n.Directives.Select(Print), " "), Block(n.Fields.Select(Print))],
                " "),
            DirectiveExtensionNode n => Join(["extend directive @" + n.Name.Value, Join(n.Directives.Select(Print), " ")], " "),
            TypeCoordinateNode n => n.Name.Value,
            MemberCoordinateNode n => n.Name.Value + "." + n.MemberName.Value,
            ArgumentCoordinateNode n => n.Name.Value + "." + n.FieldName.Value + "(" + n.ArgumentName.Value + ":)",
            DirectiveCoordinateNode n => "@" + n.Name.Value,
            DirectiveArgumentCoordinateNode n => "@" + n.Name.Value + "(" + n.ArgumentName.Value + ":)",
            _ => throw new ArgumentException($"Cannot print node kind {node.Kind}.", nameof(node)),
        };
    }

    /// <summary>A string literal with graphql-js's escapes: controls, quote, backslash and U+007F-U+009F.</summary>
    public static string PrintString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var result = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    result.Append("\\\"");
                    break;
                case '\\':
                    result.Append("\\\\");
                    break;
                case '\b':
                    result.Append("\\b");
                    break;
                case '\t':
                    result.Append("\\t");
                    break;
                case '\n':
                    result.Append("\\n");
                    break;
                case '\f':
                    result.Append("\\f");
                    break;
                case '\r':
                    result.Append("\\r");
                    break;
                case < '\u0020' or (>= '\u007F' and <= '\u009F'):
                    result.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.Append('"').ToString();
    }

    private static string PrintOperation(OperationDefinitionNode node)
    {
        var variableDefinitions = node.VariableDefinitions.Select(Print).ToList();

        // graphql-js puts multi-line variable definitions (those with descriptions) one per line, unindented.
        var varDefs = HasMultilineItems(variableDefinitions)
            ? Wrap("(\n", Join(variableDefinitions, "\n"), "\n)")
            : Wrap("(", Join(variableDefinitions, ", "), ")");
        var operation = OperationName(node.Operation);
        var prefix = Join(
        [
            Wrap(string.Empty, PrintOrNull(node.Description), "\n"),
            Join([operation, Join([PrintOrNull(node.Name), varDefs]), Join(node.Directives.Select(Print), " ")], " "),
        ]);

        // Anonymous queries without variables or directives print as the shorthand `{ ... }`.
        var head = node.Operation == OperationType.Query && prefix.Length == operation.Length ? string.Empty : prefix + " ";
        return head + Print(node.SelectionSet);
    }

    private static string PrintFieldsType(
        string keyword,
        NameNode name,
        IReadOnlyList<NamedTypeNode> interfaces,
        IReadOnlyList<DirectiveNode> directives,
        IReadOnlyList<FieldDefinitionNode> fields) =>
        Join(
        [
            keyword,
            name.Value,
            Wrap("implements ", Join(interfaces.Select(Print), " & ")),
            Join(directives.Select(Print), " "),
            Block(fields.Select(Print)),
        ],
        " ");

    private static string PrintUnion(string keyword, NameNode name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<NamedTypeNode> types) =>
        Join([keyword, name.Value, Join(directives.Select(Print), " "), Wrap("= ", Join(types.Select(Print), " | "))], " ");

    private static string PrintArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var printed = arguments.Select(Print).ToList();
        return HasMultilineItems(printed)
            ? Wrap("(\n", Indent(Join(printed, "\n")), "\n)")
            : Wrap("(", Join(printed, ", "), ")");
    }

    private static string PrintList(List<string> values) =>
        2 + JoinedLength(values, ", ") > MaxLineLength
            ? Wrap("[\n", Indent(Join(values, "\n")), "\n]")
            : "[" + Join(values, ", ") + "]";

    private static string PrintObject(List<string> fields) =>
        4 + JoinedLength(fields, ", ") > MaxLineLength
            ? Block(fields)
            : "{ " + Join(fields, ", ") + " }";

    // A field's arguments go one per line when `name(args)` would pass 80 characters.
    private static string WrappedLineAndArgs(string prefix, IReadOnlyList<ArgumentNode> arguments)
    {
        if (arguments.Count == 0)
        {
            return prefix;
        }

        var printed = arguments.Select(Print).ToList();
        return prefix + (prefix.Length + JoinedLength(printed, ", ") + 2 > MaxLineLength
            ? Wrap("(\n", Indent(Join(printed, "\n")), "\n)")
            : Wrap("(", Join(printed, ", "), ")"));
    }

    private static string Described(StringValueNode? description, string definition) =>
        Join([Wrap(string.Empty, PrintOrNull(description), "\n"), definition]);

    private static string OperationName(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static string? PrintOrNull(Node? node) => node is null ? null : Print(node);

    // Joins the non-empty parts, as graphql-js's join skips empty ones.
    private static string Join(IEnumerable<string?> parts, string separator = "")
    {
        var result = new StringBuilder();
        var any = false;
        foreach (var part in parts)
        {
            if (string.IsNullOrEmpty(part))
            {
                continue;
            }

            if (any)
            {
                result.Append(separator);
            }

            result.Append(part);
            any = true;
        }

        return result.ToString();
    }

    private static int JoinedLength(List<string> parts, string separator)
    {
        var length = 0;
        foreach (var part in parts)
        {
            if (part.Length != 0)
            {
                length += (length == 0 ? 0 : separator.Length) + part.Length;
            }
        }

        return length;
    }

    private static string Block(IEnumerable<string> items) => Wrap("{\n", Indent(Join(items, "\n")), "\n}");

    private static string Wrap(string start, string? inner, string end = "") =>
        string.IsNullOrEmpty(inner) ? string.Empty : start + inner + end;

    private static string Indent(string text) =>
        text.Length == 0 ? text : "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);

    private static bool HasMultilineItems(List<string> items) => items.Exists(item => item.Contains('\n', StringComparison.Ordinal));
}
