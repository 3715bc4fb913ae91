using System.Globalization;
using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Armour;

/// <summary>
/// The directives of the GraphQL cost directive specification (IBM, ibm.github.io/graphql-specs):
/// <c>@cost(weight)</c> on fields, arguments, types and input fields, and <c>@listSize</c> on list
/// fields. A schema built from SDL declares them with <see cref="Sdl"/>; code-first schemas add
/// <see cref="All"/> to their directives and give weights through <see cref="CostOptions"/>.
/// </summary>
public static class CostDirectives
{
    public const string CostName = "cost";
    public const string ListSizeName = "listSize";

    /// <summary>The SDL declaring both directives, to prepend to a schema's SDL.</summary>
    public const string Sdl = """
        directive @cost(weight: String!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
        directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
        """;

    public static readonly DirectiveDefinition Cost = new(
        CostName,
        [
            DirectiveLocation.ArgumentDefinition, DirectiveLocation.Enum, DirectiveLocation.FieldDefinition,
            DirectiveLocation.InputFieldDefinition, DirectiveLocation.Object, DirectiveLocation.Scalar,
        ],
        [new InputValueDefinition("weight", new NonNullType(Scalars.String))])
    {
        Description = "The cost of resolving a field, argument, or type, as a decimal number in a string.",
    };

    public static readonly DirectiveDefinition ListSize = new(
        ListSizeName,
        [DirectiveLocation.FieldDefinition],
        [
            new InputValueDefinition("assumedSize", Scalars.Int),
            new InputValueDefinition("slicingArguments", new ListType(new NonNullType(Scalars.String))),
            new InputValueDefinition("sizedFields", new ListType(new NonNullType(Scalars.String))),
            new InputValueDefinition("requireOneSlicingArgument", Scalars.Boolean) { DefaultValue = true, HasDefaultValue = true },
        ])
    {
        Description = "The size of the list a field returns: assumed, or taken from its slicing arguments.",
    };

    public static IReadOnlyList<DirectiveDefinition> All { get; } = [Cost, ListSize];

    /// <summary>The weight a @cost among the directives gives, or null when there is none (or it is not a number).</summary>
    public static double? ReadCost(IReadOnlyList<DirectiveNode>? directives)
    {
        var directive = Find(directives, CostName);
        return directive is not null && Argument(directive, "weight") is StringValueNode { Value: var text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)
            && double.IsFinite(weight)
                ? weight
                : null;
    }

    /// <summary>The @listSize among the directives, or null.</summary>
    public static ListSizeSpec? ReadListSize(IReadOnlyList<DirectiveNode>? directives)
    {
        var directive = Find(directives, ListSizeName);
        if (directive is null)
        {
            return null;
        }

        int? assumed = Argument(directive, "assumedSize") is IntValueNode { Value: var digits }
            && int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size)
                ? size
                : null;
        var requireOne = Argument(directive, "requireOneSlicingArgument") is not BooleanValueNode { Value: false };
        return new ListSizeSpec(assumed, Strings(Argument(directive, "slicingArguments")), Strings(Argument(directive, "sizedFields")), requireOne);
    }

    private static DirectiveNode? Find(IReadOnlyList<DirectiveNode>? directives, string name) =>
        directives?.FirstOrDefault(d => d.Name.Value == name);

    private static ValueNode? Argument(DirectiveNode directive, string name) =>
        directive.Arguments.FirstOrDefault(a => a.Name.Value == name)?.Value;

    private static IReadOnlyList<string> Strings(ValueNode? value) => value switch
    {
        ListValueNode list => [.. list.Values.OfType<StringValueNode>().Select(s => s.Value)],
        StringValueNode single => [single.Value],
        _ => [],
    };
}

/// <summary>
/// What <c>@listSize</c> says about a list field. With slicing arguments, the list is as long as
/// the largest of them; with none given, it is assumedSize long. Sized fields are the children
/// that carry the list (a connection's <c>edges</c> and <c>nodes</c>).
/// </summary>
public sealed record ListSizeSpec(
    int? AssumedSize,
    IReadOnlyList<string> SlicingArguments,
    IReadOnlyList<string> SizedFields,
    bool RequireOneSlicingArgument = true);
