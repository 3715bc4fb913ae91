using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>
/// Rejects any field whose type is an introspection type, for servers that disable
/// introspection. Not a spec rule (graphql-js ships it as optional).
/// </summary>
public sealed class NoSchemaIntrospectionCustomRule(ValidationContext context) : AstVisitor
{
    public override VisitAction EnterField(FieldNode node)
    {
        if (context.GetType().GetNamedType() is { } type && Introspection.IsIntrospectionType(type))
        {
            context.ReportError(new GraphQLError(
                $"GraphQL introspection has been disabled, but the requested query contained the field \"{node.Name.Value}\".",
                [node]));
        }

        return VisitAction.Continue;
    }
}
