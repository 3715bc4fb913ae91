using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>SDL: at most one schema definition, and none when extending a schema that has one (spec Section 3.3).</summary>
public sealed class LoneSchemaDefinitionRule(SdlValidationContext context) : AstVisitor
{
    private readonly bool _alreadyDefined = context.Schema is { } schema
        && (schema.AstNode is not null || schema.QueryType is not null || schema.MutationType is not null || schema.SubscriptionType is not null);

    private int _count;

    public override VisitAction EnterSchemaDefinition(SchemaDefinitionNode node)
    {
        if (_alreadyDefined)
        {
            context.ReportError(new GraphQLError("Cannot define a new schema within a schema extension.", [node]));
            return VisitAction.Continue;
        }

        if (_count > 0)
        {
            context.ReportError(new GraphQLError("Must provide only one schema definition.", [node]));
        }

        _count++;
        return VisitAction.Continue;
    }
}
