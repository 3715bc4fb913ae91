using Transparency.GraphQL.Language;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Types;

/// <summary>
/// The introspection types (spec Section 4.5) with graphql-js 17's fields and descriptions, so
/// getIntrospectionQuery() with every option answers as graphql-js does. Each type's source
/// value is the engine's own object: GraphQLSchema for __Schema, GraphQLType for __Type,
/// FieldDefinition for __Field, InputValueDefinition for __InputValue, EnumValueDefinition for
/// __EnumValue, DirectiveDefinition for __Directive. Every resolver is synchronous.
/// </summary>
public static class Introspection
{
    private static readonly InputValueDefinition[] IncludeDeprecatedArgument =
    [
        new("includeDeprecated", new NonNullType(Scalars.Boolean)) { DefaultValue = false, HasDefaultValue = true },
    ];

    public static readonly EnumType TypeKindType = new(
        "__TypeKind",
        [
            new EnumValueDefinition("SCALAR", TypeKind.Scalar) { Description = "Indicates this type is a scalar." },
            new EnumValueDefinition("OBJECT", TypeKind.Object) { Description = "Indicates this type is an object. `fields` and `interfaces` are valid fields." },
            new EnumValueDefinition("INTERFACE", TypeKind.Interface) { Description = "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields." },
            new EnumValueDefinition("UNION", TypeKind.Union) { Description = "Indicates this type is a union. `possibleTypes` is a valid field." },
            new EnumValueDefinition("ENUM", TypeKind.Enum) { Description = "Indicates this type is an enum. `enumValues` is a valid field." },
            new EnumValueDefinition("INPUT_OBJECT", TypeKind.InputObject) { Description = "Indicates this type is an input object. `inputFields` is a valid field." },
            new EnumValueDefinition("LIST", TypeKind.List) { Description = "Indicates this type is a list. `ofType` is a valid field." },
            new EnumValueDefinition("NON_NULL", TypeKind.NonNull) { Description = "Indicates this type is a non-null. `ofType` is a valid field." },
        ])
    {
        Description = "An enum describing what kind of type a given `__Type` is.",
    };

    public static readonly EnumType DirectiveLocationType = new(
        "__DirectiveLocation",
        DirectiveLocationValues())
    {
        Description = "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.",
    };

    public static readonly ObjectType SchemaType = new("__Schema", () =>
    [
        Field("description", Scalars.String, (s, _) => ((GraphQLSchema)s!).Description),
        Field("types", NonNullListOfNonNull(TypeType), (s, _) => ((GraphQLSchema)s!).TypeMap.Values, "A list of all types supported by this server."),
        Field("queryType", NonNull(TypeType), (s, _) => ((GraphQLSchema)s!).QueryType, "The type that query operations will be rooted at."),
        Field("mutationType", TypeType, (s, _) => ((GraphQLSchema)s!).MutationType, "If this server supports mutation, the type that mutation operations will be rooted at."),
        Field("subscriptionType", TypeType, (s, _) => ((GraphQLSchema)s!).SubscriptionType, "If this server support subscription, the type that subscription operations will be rooted at."),
        Field(
            "directives",
            NonNullListOfNonNull(DirectiveType),
            (s, args) => Visible(((GraphQLSchema)s!).Directives, d => d.IsDeprecated, args),
            "A list of all directives supported by this server.",
            IncludeDeprecatedArgument),
    ])
    {
        Description = "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.",
    };

    public static readonly ObjectType DirectiveType = new("__Directive", () =>
    [
        Field("name", new NonNullType(Scalars.String), (s, _) => ((DirectiveDefinition)s!).Name),
        Field("description", Scalars.String, (s, _) => ((DirectiveDefinition)s!).Description),
        Field("isRepeatable", new NonNullType(Scalars.Boolean), (s, _) => ((DirectiveDefinition)s!).IsRepeatable),
        Field("locations", NonNullListOfNonNull(DirectiveLocationType), (s, _) => ((DirectiveDefinition)s!).Locations),
        Field("args", NonNullListOfNonNull(InputValueType), (s, args) => Visible(((DirectiveDefinition)s!).Arguments, a => a.IsDeprecated, args), null, IncludeDeprecatedArgument),
        Field("isDeprecated", new NonNullType(Scalars.Boolean), (s, _) => ((DirectiveDefinition)s!).IsDeprecated),
        Field("deprecationReason", Scalars.String, (s, _) => ((DirectiveDefinition)s!).DeprecationReason),
    ])
    {
        Description = "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.",
    };

    public static readonly ObjectType TypeType = new("__Type", () =>
    [
        Field("kind", new NonNullType(TypeKindType), (s, _) => ((GraphQLType)s!).Kind),
        Field("name", Scalars.String, (s, _) => (s as NamedType)?.Name),
        Field("description", Scalars.String, (s, _) => (s as NamedType)?.Description),
        Field("specifiedByURL", Scalars.String, (s, _) => (s as ScalarType)?.SpecifiedByUrl),
        Field(
            "fields",
            ListOfNonNull(FieldType),
            (s, args) => s is FieldsType t ? Visible(t.Fields, f => f.IsDeprecated, args) : null,
            null,
            IncludeDeprecatedArgument),
        Field("interfaces", ListOfNonNull(TypeType), (s, _) => (s as FieldsType)?.Interfaces),
        ContextField("possibleTypes", ListOfNonNull(TypeType), c => c.Source is InterfaceType or UnionType ? c.Schema.GetPossibleTypes((NamedType)c.Source) : null),
        Field(
            "enumValues",
            ListOfNonNull(EnumValueType),
            (s, args) => s is EnumType e ? Visible(e.Values, v => v.IsDeprecated, args) : null,
            null,
            IncludeDeprecatedArgument),
        Field(
            "inputFields",
            ListOfNonNull(InputValueType),
            (s, args) => s is InputObjectType i ? Visible(i.Fields, f => f.IsDeprecated, args) : null,
            null,
            IncludeDeprecatedArgument),
        Field("ofType", TypeType, (s, _) => s switch
        {
            ListType list => list.OfType,
            NonNullType nonNull => nonNull.OfType,
            _ => null,
        }),
        Field("isOneOf", Scalars.Boolean, (s, _) => s is InputObjectType i ? i.IsOneOf : null),
    ])
    {
        Description = "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.",
    };

    public static readonly ObjectType FieldType = new("__Field", () =>
    [
        Field("name", new NonNullType(Scalars.String), (s, _) => ((FieldDefinition)s!).Name),
        Field("description", Scalars.String, (s, _) => ((FieldDefinition)s!).Description),
        Field("args", NonNullListOfNonNull(InputValueType), (s, args) => Visible(((FieldDefinition)s!).Arguments, a => a.IsDeprecated, args), null, IncludeDeprecatedArgument),
        Field("type", NonNull(TypeType), (s, _) => ((FieldDefinition)s!).Type),
        Field("isDeprecated", new NonNullType(Scalars.Boolean), (s, _) => ((FieldDefinition)s!).IsDeprecated),
        Field("deprecationReason", Scalars.String, (s, _) => ((FieldDefinition)s!).DeprecationReason),
    ])
    {
        Description = "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.",
    };

    public static readonly ObjectType InputValueType = new("__InputValue", () =>
    [
        Field("name", new NonNullType(Scalars.String), (s, _) => ((InputValueDefinition)s!).Name),
        Field("description", Scalars.String, (s, _) => ((InputValueDefinition)s!).Description),
        Field("type", NonNull(TypeType), (s, _) => ((InputValueDefinition)s!).Type),
        Field(
            "defaultValue",
            Scalars.String,
            (s, _) => DefaultValueText((InputValueDefinition)s!),
            "A GraphQL-formatted string representing the default value for this input value."),
        Field("isDeprecated", new NonNullType(Scalars.Boolean), (s, _) => ((InputValueDefinition)s!).IsDeprecated),
        Field("deprecationReason", Scalars.String, (s, _) => ((InputValueDefinition)s!).DeprecationReason),
    ])
    {
        Description = "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.",
    };

    public static readonly ObjectType EnumValueType = new("__EnumValue", () =>
    [
        Field("name", new NonNullType(Scalars.String), (s, _) => ((EnumValueDefinition)s!).Name),
        Field("description", Scalars.String, (s, _) => ((EnumValueDefinition)s!).Description),
        Field("isDeprecated", new NonNullType(Scalars.Boolean), (s, _) => ((EnumValueDefinition)s!).IsDeprecated),
        Field("deprecationReason", Scalars.String, (s, _) => ((EnumValueDefinition)s!).DeprecationReason),
    ])
    {
        Description = "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.",
    };

    /// <summary><c>__schema: __Schema!</c>, available on the query root only (spec Section 4.2).</summary>
    public static readonly FieldDefinition SchemaMetaField =
        ContextField("__schema", new NonNullType(SchemaType), c => c.Schema, "Access the current type schema of this server.");

    /// <summary><c>__type(name: String!): __Type</c>, available on the query root only.</summary>
    public static readonly FieldDefinition TypeMetaField = ContextField(
        "__type",
        TypeType,
        c => c.Arguments.TryGetValue("name", out var name) && name is string s ? c.Schema.GetType(s) : null,
        "Request the type information of a single type.",
        [new InputValueDefinition("name", new NonNullType(Scalars.String))]);

    /// <summary><c>__typename: String!</c>, available on every object, interface and union.</summary>
    public static readonly FieldDefinition TypeNameMetaField =
        ContextField("__typename", new NonNullType(Scalars.String), c => c.ParentType.Name, "The name of the current Object type at runtime.");

    /// <summary>The eight introspection types, in graphql-js's order.</summary>
    public static IReadOnlyList<NamedType> Types { get; } =
        [SchemaType, DirectiveType, DirectiveLocationType, TypeType, FieldType, InputValueType, EnumValueType, TypeKindType];

    public static bool IsIntrospectionType(NamedType type) =>
        type is not null && Types.Any(t => t.Name == type.Name);

    /// <summary>The default of an argument or input field as GraphQL text, or null (graphql-js getDefaultValueAST + print).</summary>
    public static string? DefaultValueText(InputValueDefinition value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.DefaultValueLiteral is not null)
        {
            return Printer.Print(value.DefaultValueLiteral);
        }

        if (!value.HasDefaultValue)
        {
            return null;
        }

        var literal = AstFromValue.Convert(value.DefaultValue, value.Type);
        return literal is null ? null : Printer.Print(literal);
    }

    // Most introspection fields read only their parent value (and includeDeprecated): the
    // executor runs them without a context. ResolveSync answers the same for callers that
    // hold a context.
    private static FieldDefinition Field(
        string name,
        GraphQLType? type,
        SourceFieldResolver resolve,
        string? description = null,
        IEnumerable<InputValueDefinition>? arguments = null) =>
        new(name, type!, arguments) { Description = description, ResolveFromSource = resolve, ResolveSync = c => resolve(c.Source, c.Arguments) };

    private static FieldDefinition ContextField(
        string name,
        GraphQLType? type,
        SyncFieldResolver resolve,
        string? description = null,
        IEnumerable<InputValueDefinition>? arguments = null) =>
        new(name, type!, arguments) { Description = description, ResolveSync = resolve };

    // Parameters are nullable because the thunks above name types declared further down: the
    // compiler cannot see that the thunks only run once every static field is set.
    private static NonNullType NonNullListOfNonNull(GraphQLType? type) => new(new ListType(new NonNullType(type!)));

    private static ListType ListOfNonNull(GraphQLType? type) => new(new NonNullType(type!));

    private static NonNullType NonNull(GraphQLType? type) => new(type!);

    private static IEnumerable<T> Visible<T>(IReadOnlyList<T> items, Func<T, bool> isDeprecated, IReadOnlyDictionary<string, object?> arguments) =>
        arguments.TryGetValue("includeDeprecated", out var include) && include is true
            ? items
            : items.Where(item => !isDeprecated(item));

    // graphql-js 17 lists FRAGMENT_VARIABLE_DEFINITION (fragment arguments, an RFC) after
    // VARIABLE_DEFINITION; the language has no such location yet, so it maps to its name only.
    private static IEnumerable<EnumValueDefinition> DirectiveLocationValues()
    {
        foreach (var location in Enum.GetValues<DirectiveLocation>())
        {
            yield return new EnumValueDefinition(location.ToName(), location) { Description = LocationDescription(location) };
            if (location == DirectiveLocation.VariableDefinition)
            {
                yield return new EnumValueDefinition("FRAGMENT_VARIABLE_DEFINITION")
                {
                    Description = "Location adjacent to a fragment variable definition.",
                };
            }
        }
    }

    private static string LocationDescription(DirectiveLocation location) => location switch
    {
        DirectiveLocation.Query => "Location adjacent to a query operation.",
        DirectiveLocation.Mutation => "Location adjacent to a mutation operation.",
        DirectiveLocation.Subscription => "Location adjacent to a subscription operation.",
        DirectiveLocation.Field => "Location adjacent to a field.",
        DirectiveLocation.FragmentDefinition => "Location adjacent to a fragment definition.",
        DirectiveLocation.FragmentSpread => "Location adjacent to a fragment spread.",
        DirectiveLocation.InlineFragment => "Location adjacent to an inline fragment.",
        DirectiveLocation.VariableDefinition => "Location adjacent to an operation variable definition.",
        DirectiveLocation.Schema => "Location adjacent to a schema definition.",
        DirectiveLocation.Scalar => "Location adjacent to a scalar definition.",
        DirectiveLocation.Object => "Location adjacent to an object type definition.",
        DirectiveLocation.FieldDefinition => "Location adjacent to a field definition.",
        DirectiveLocation.ArgumentDefinition => "Location adjacent to an argument definition.",
        DirectiveLocation.Interface => "Location adjacent to an interface definition.",
        DirectiveLocation.Union => "Location adjacent to a union definition.",
        DirectiveLocation.Enum => "Location adjacent to an enum definition.",
        DirectiveLocation.EnumValue => "Location adjacent to an enum value definition.",
        DirectiveLocation.InputObject => "Location adjacent to an input object type definition.",
        DirectiveLocation.InputFieldDefinition => "Location adjacent to an input object field definition.",
        DirectiveLocation.DirectiveDefinition => "Location adjacent to a directive definition.",
        _ => throw new ArgumentOutOfRangeException(nameof(location)),
    };
}
