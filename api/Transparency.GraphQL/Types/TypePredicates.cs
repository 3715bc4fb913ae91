namespace Transparency.GraphQL.Types;

/// <summary>graphql-js's isInputType, isOutputType, getNamedType ... as extension methods.</summary>
public static class TypePredicates
{
    /// <summary>Scalars, enums, input objects and wrappers of them (spec Section 3.4.2).</summary>
    public static bool IsInputType(this GraphQLType? type) =>
        type?.GetNamedType() is ScalarType or EnumType or InputObjectType;

    /// <summary>Everything except input objects and wrappers of them.</summary>
    public static bool IsOutputType(this GraphQLType? type) =>
        type?.GetNamedType() is ScalarType or ObjectType or InterfaceType or UnionType or EnumType;

    public static bool IsLeafType(this GraphQLType? type) => type is ScalarType or EnumType;

    public static bool IsCompositeType(this GraphQLType? type) => type is ObjectType or InterfaceType or UnionType;

    public static bool IsAbstractType(this GraphQLType? type) => type is InterfaceType or UnionType;

    public static bool IsWrappingType(this GraphQLType? type) => type is ListType or NonNullType;

    public static bool IsNullableType(this GraphQLType? type) => type is not null and not NonNullType;

    /// <summary>Required argument or input field: non-null without default.</summary>
    public static bool IsRequired(this InputValueDefinition value) => value.IsRequired;

    /// <summary>The type without its NonNull wrapper.</summary>
    public static GraphQLType GetNullableType(this GraphQLType type) => type is NonNullType nonNull ? nonNull.OfType : type;

    /// <summary>The named type under every wrapper.</summary>
    public static NamedType? GetNamedType(this GraphQLType? type)
    {
        while (true)
        {
            switch (type)
            {
                case null:
                    return null;
                case NamedType named:
                    return named;
                case ListType list:
                    type = list.OfType;
                    break;
                case NonNullType nonNull:
                    type = nonNull.OfType;
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>Structural equality (graphql-js isEqualType).</summary>
    public static bool IsEqualType(GraphQLType a, GraphQLType b) => ReferenceEquals(a, b) || a.Equals(b);
}
