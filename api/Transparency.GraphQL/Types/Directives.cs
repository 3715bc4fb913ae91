using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Types;

/// <summary>A directive definition (spec Section 3.13), built in or custom.</summary>
public sealed class DirectiveDefinition
{
    private readonly Dictionary<string, InputValueDefinition>? _argumentMap;

    public DirectiveDefinition(string name, IEnumerable<DirectiveLocation> locations, IEnumerable<InputValueDefinition>? arguments = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(locations);
        Name = name;
        Locations = [.. locations];
        Arguments = arguments is null ? [] : [.. arguments];
        _argumentMap = Arguments.Count == 0 ? null : FieldsType.ToMap(Arguments, a => a.Name);
    }

    public string Name { get; }

    public IReadOnlyList<DirectiveLocation> Locations { get; }

    public IReadOnlyList<InputValueDefinition> Arguments { get; }

    public string? Description { get; init; }

    public bool IsRepeatable { get; init; }

    /// <summary>graphql-js 17 lets directive definitions be deprecated too.</summary>
    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    public DirectiveDefinitionNode? AstNode { get; init; }

    public InputValueDefinition? GetArgument(string name) => _argumentMap?.GetValueOrDefault(name);

    /// <summary>"@name", as graphql-js prints a directive.</summary>
    public override string ToString() => "@" + Name;
}

/// <summary>The directives every schema has (spec Sections 3.13.1-3.13.5).</summary>
public static class Directives
{
    public const string DefaultDeprecationReason = "No longer supported";

    public static readonly DirectiveDefinition Include = new(
        "include",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        [new InputValueDefinition("if", new NonNullType(Scalars.Boolean)) { Description = "Included when true." }])
    {
        Description = "Directs the executor to include this field or fragment only when the `if` argument is true.",
    };

    public static readonly DirectiveDefinition Skip = new(
        "skip",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        [new InputValueDefinition("if", new NonNullType(Scalars.Boolean)) { Description = "Skipped when true." }])
    {
        Description = "Directs the executor to skip this field or fragment when the `if` argument is true.",
    };

    public static readonly DirectiveDefinition Deprecated = new(
        "deprecated",
        [
            DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition,
            DirectiveLocation.EnumValue, DirectiveLocation.DirectiveDefinition,
        ],
        [
            new InputValueDefinition("reason", new NonNullType(Scalars.String))
            {
                Description = "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
                DefaultValue = DefaultDeprecationReason,
                HasDefaultValue = true,
            },
        ])
    {
        Description = "Marks an element of a GraphQL schema as no longer supported.",
    };

    public static readonly DirectiveDefinition SpecifiedBy = new(
        "specifiedBy",
        [DirectiveLocation.Scalar],
        [new InputValueDefinition("url", new NonNullType(Scalars.String)) { Description = "The URL that specifies the behavior of this scalar." }])
    {
        Description = "Exposes a URL that specifies the behavior of this scalar.",
    };

    public static readonly DirectiveDefinition OneOf = new("oneOf", [DirectiveLocation.InputObject])
    {
        Description = "Indicates exactly one field must be supplied and this field must not be `null`.",
    };

    /// <summary>In graphql-js's order, which printIntrospectionSchema and introspection follow.</summary>
    public static IReadOnlyList<DirectiveDefinition> Specified { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    public static bool IsSpecified(DirectiveDefinition directive) =>
        directive is not null && Specified.Any(d => d.Name == directive.Name);

    /// <summary>The @deprecated reason on a definition node, or null (graphql-js getDeprecationReason).</summary>
    public static string? GetDeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        ArgumentNullException.ThrowIfNull(directives);
        foreach (var directive in directives)
        {
            if (directive.Name.Value != Deprecated.Name)
            {
                continue;
            }

            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value == "reason" && argument.Value is StringValueNode reason)
                {
                    return reason.Value;
                }
            }

            return DefaultDeprecationReason;
        }

        return null;
    }
}
