using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Utilities;

/// <summary>A type reference in a document to the schema's type (graphql-js typeFromAST).</summary>
public static class TypeFromAst
{
    /// <summary>Null when the named type is not in the schema.</summary>
    public static GraphQLType? Convert(GraphQLSchema schema, TypeNode typeNode)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return typeNode switch
        {
            NamedTypeNode named => schema.GetType(named.Name.Value),
            ListTypeNode list => Convert(schema, list.Type) is { } inner ? new ListType(inner) : null,
            NonNullTypeNode nonNull => Convert(schema, nonNull.Type) is { } inner && inner is not NonNullType ? new NonNullType(inner) : null,
            _ => null,
        };
    }
}
