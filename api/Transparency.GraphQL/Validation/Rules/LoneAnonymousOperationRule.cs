using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>Lone Anonymous Operation (spec Section 5.2.2.1): an anonymous operation must be alone.</summary>
public sealed class LoneAnonymousOperationRule(ValidationContext context) : AstVisitor
{
    private int _operationCount;

    public override VisitAction EnterDocument(DocumentNode node)
    {
        _operationCount = node.Definitions.Count(d => d is OperationDefinitionNode);
        return VisitAction.Continue;
    }

    public override VisitAction EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (node.Name is null && _operationCount > 1)
        {
            context.ReportError(new GraphQLError("This anonymous operation must be the only defined operation.", [node]));
        }

        return VisitAction.Skip;
    }

    public override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.Skip;
}
