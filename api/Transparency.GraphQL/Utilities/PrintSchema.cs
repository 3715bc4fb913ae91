using System.Text;
using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Utilities;

/// <summary>
/// Schema to SDL, byte for byte like graphql-js 17's printSchema and printIntrospectionSchema:
/// descriptions as block strings where they survive one, defaults printed from their literal
/// (or from astFromValue for code-first defaults), @deprecated, @specifiedBy and @oneOf.
/// </summary>
public static class PrintSchema
{
    /// <summary>Everything the schema defines beyond the built-in scalars, directives and introspection types.</summary>
    public static string Print(GraphQLSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return PrintFiltered(
            schema,
            d => !Directives.IsSpecified(d),
            t => !Scalars.IsSpecified(t) && !Introspection.IsIntrospectionType(t));
    }

    /// <summary>The built-in directives and introspection types.</summary>
    public static string PrintIntrospectionSchema(GraphQLSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return PrintFiltered(schema, Directives.IsSpecified, Introspection.IsIntrospectionType);
    }

    private static string PrintFiltered(GraphQLSchema schema, Func<DirectiveDefinition, bool> directiveFilter, Func<NamedType, bool> typeFilter)
    {
        var parts = new List<string>();
        if (PrintSchemaDefinition(schema) is { } definition)
        {
            parts.Add(definition);
        }

        parts.AddRange(schema.Directives.Where(directiveFilter).Select(PrintDirective));
        parts.AddRange(schema.TypeMap.Values.Where(typeFilter).Select(PrintType));
        return string.Join("\n\n", parts.Where(p => p.Length > 0));
    }

    private static string? PrintSchemaDefinition(GraphQLSchema schema)
    {
        if (schema.QueryType is null && schema.MutationType is null && schema.SubscriptionType is null)
        {
            return null;
        }

        // The schema block is implied when the roots have their conventional names.
        var conventional = ReferenceEquals(schema.QueryType, schema.GetType("Query"))
            && ReferenceEquals(schema.MutationType, schema.GetType("Mutation"))
            && ReferenceEquals(schema.SubscriptionType, schema.GetType("Subscription"));
        if (schema.Description is null && conventional)
        {
            return null;
        }

        var text = new StringBuilder(PrintDescription(schema.Description)).Append("schema {\n");
        if (schema.QueryType is { } query)
        {
            text.Append("  query: ").Append(query.Name).Append('\n');
        }

        if (schema.MutationType is { } mutation)
        {
            text.Append("  mutation: ").Append(mutation.Name).Append('\n');
        }

        if (schema.SubscriptionType is { } subscription)
        {
            text.Append("  subscription: ").Append(subscription.Name).Append('\n');
        }

        return text.Append('}').ToString();
    }

    /// <summary>One type's SDL definition.</summary>
    public static string PrintType(NamedType type) => type switch
    {
        ScalarType scalar => PrintDescription(scalar.Description) + "scalar " + scalar.Name + PrintSpecifiedBy(scalar),
        ObjectType obj => PrintDescription(obj.Description) + "type " + obj.Name + PrintImplements(obj) + PrintFields(obj),
        InterfaceType iface => PrintDescription(iface.Description) + "interface " + iface.Name + PrintImplements(iface) + PrintFields(iface),
        UnionType union => PrintDescription(union.Description) + "union " + union.Name
            + (union.Types.Count > 0 ? " = " + string.Join(" | ", union.Types.Select(t => t.Name)) : string.Empty),
        EnumType enumType => PrintDescription(enumType.Description) + "enum " + enumType.Name + PrintBlock(enumType.Values.Select(
            (value, i) => PrintDescription(value.Description, "  ", i == 0) + "  " + value.Name + PrintDeprecated(value.DeprecationReason))),
        InputObjectType input => PrintDescription(input.Description) + "input " + input.Name + (input.IsOneOf ? " @oneOf" : string.Empty)
            + PrintBlock(input.Fields.Select((field, i) => PrintDescription(field.Description, "  ", i == 0) + "  " + PrintInputValue(field))),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>One directive's SDL definition.</summary>
    public static string PrintDirective(DirectiveDefinition directive)
    {
        ArgumentNullException.ThrowIfNull(directive);
        return PrintDescription(directive.Description)
            + "directive @" + directive.Name
            + PrintArguments(directive.Arguments)
            + PrintDeprecated(directive.DeprecationReason)
            + (directive.IsRepeatable ? " repeatable" : string.Empty)
            + " on " + string.Join(" | ", directive.Locations.Select(l => l.ToName()));
    }

    private static string PrintImplements(FieldsType type) =>
        type.Interfaces.Count > 0 ? " implements " + string.Join(" & ", type.Interfaces.Select(i => i.Name)) : string.Empty;

    private static string PrintFields(FieldsType type) =>
        PrintBlock(type.Fields.Select((field, i) =>
            PrintDescription(field.Description, "  ", i == 0)
            + "  " + field.Name
            + PrintArguments(field.Arguments, "  ")
            + ": " + field.Type
            + PrintDeprecated(field.DeprecationReason)));

    private static string PrintBlock(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count > 0 ? " {\n" + string.Join("\n", list) + "\n}" : string.Empty;
    }

    private static string PrintArguments(IReadOnlyList<InputValueDefinition> arguments, string indentation = "")
    {
        if (arguments.Count == 0)
        {
            return string.Empty;
        }

        // Without descriptions the arguments fit on one line.
        if (arguments.All(a => a.Description is null))
        {
            return "(" + string.Join(", ", arguments.Select(PrintInputValue)) + ")";
        }

        return "(\n"
            + string.Join("\n", arguments.Select((a, i) => PrintDescription(a.Description, "  " + indentation, i == 0) + "  " + indentation + PrintInputValue(a)))
            + "\n" + indentation + ")";
    }

    private static string PrintInputValue(InputValueDefinition value)
    {
        var text = value.Name + ": " + value.Type;
        if (DefaultValueLiteral(value) is { } literal)
        {
            text += " = " + Printer.Print(literal);
        }

        return text + PrintDeprecated(value.DeprecationReason);
    }

    private static ValueNode? DefaultValueLiteral(InputValueDefinition value) =>
        value.DefaultValueLiteral
        ?? (value.HasDefaultValue
            ? AstFromValue.Convert(value.DefaultValue, value.Type) ?? throw new InvalidOperationException($"Invalid default value for {value.Name}.")
            : null);

    private static string PrintDeprecated(string? reason) => reason switch
    {
        null => string.Empty,
        Directives.DefaultDeprecationReason => " @deprecated",
        _ => " @deprecated(reason: " + Printer.PrintString(reason) + ")",
    };

    private static string PrintSpecifiedBy(ScalarType scalar) =>
        scalar.SpecifiedByUrl is null ? string.Empty : " @specifiedBy(url: " + Printer.PrintString(scalar.SpecifiedByUrl) + ")";

    private static string PrintDescription(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null)
        {
            return string.Empty;
        }

        var literal = BlockString.IsPrintableAsBlockString(description)
            ? BlockString.Print(description)
            : Printer.PrintString(description);
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + literal.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }
}
