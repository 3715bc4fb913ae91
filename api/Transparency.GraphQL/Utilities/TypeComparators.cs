using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Utilities;

/// <summary>graphql-js utilities/typeComparators: type equality, subtyping and overlap.</summary>
public static class TypeComparators
{
    /// <summary>Same named type under the same wrappers.</summary>
    public static bool IsEqualType(GraphQLType typeA, GraphQLType typeB) => TypePredicates.IsEqualType(typeA, typeB);

    /// <summary>
    /// Whether a value of maybeSubType can be used where superType is expected: non-null is a
    /// subtype of nullable, lists are covariant, objects/interfaces are subtypes of the abstract
    /// types they belong to.
    /// </summary>
    public static bool IsTypeSubTypeOf(GraphQLSchema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        ArgumentNullException.ThrowIfNull(schema);
        while (true)
        {
            if (ReferenceEquals(maybeSubType, superType) || maybeSubType.Equals(superType))
            {
                return true;
            }

            if (superType is NonNullType superNonNull)
            {
                if (maybeSubType is not NonNullType subNonNull)
                {
                    return false;
                }

                maybeSubType = subNonNull.OfType;
                superType = superNonNull.OfType;
                continue;
            }

            if (maybeSubType is NonNullType nonNull)
            {
                // Non-null is a subtype of nullable.
                maybeSubType = nonNull.OfType;
                continue;
            }

            if (superType is ListType superList)
            {
                if (maybeSubType is not ListType subList)
                {
                    return false;
                }

                maybeSubType = subList.OfType;
                superType = superList.OfType;
                continue;
            }

            if (maybeSubType is ListType)
            {
                return false;
            }

            return superType is InterfaceType or UnionType
                && maybeSubType is ObjectType or InterfaceType
                && schema.IsSubType((NamedType)superType, (NamedType)maybeSubType);
        }
    }

    /// <summary>
    /// Whether two composite types can share a runtime object type (used by fragment spread
    /// and field merging rules).
    /// </summary>
    public static bool DoTypesOverlap(GraphQLSchema schema, NamedType typeA, NamedType typeB)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (ReferenceEquals(typeA, typeB))
        {
            return true;
        }

        if (typeA is InterfaceType or UnionType)
        {
            if (typeB is InterfaceType or UnionType)
            {
                // Two abstract types overlap when some object type is possible for both.
                return schema.GetPossibleTypes(typeB).Any(t => schema.IsSubType(typeA, t));
            }

            return schema.IsSubType(typeA, typeB);
        }

        if (typeB is InterfaceType or UnionType)
        {
            return schema.IsSubType(typeB, typeA);
        }

        return false;
    }
}
