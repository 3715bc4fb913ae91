using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>All Variable Uses Defined (spec Section 5.8.3), through every fragment the operation spreads.</summary>
public sealed class NoUndefinedVariablesRule(ValidationContext context) : AstVisitor
{
    // Reported on leaving the operation, as graphql-js does, so these errors follow those inside it.
    public override VisitAction LeaveOperationDefinition(OperationDefinitionNode node)
    {
        var usages = context.GetRecursiveVariableUsages(node);
        if (usages.Count == 0)
        {
            return VisitAction.Continue;
        }

        var defined = new HashSet<string>(node.VariableDefinitions.Select(d => d.Variable.Name.Value), StringComparer.Ordinal);
        foreach (var usage in usages)
        {
            var name = usage.Node.Name.Value;
            if (!defined.Contains(name))
            {
                var message = node.Name is { } operationName
                    ? $"Variable \"${name}\" is not defined by operation \"{operationName.Value}\"."
                    : $"Variable \"${name}\" is not defined.";
                context.ReportError(new GraphQLError(message, [usage.Node, node]));
            }
        }

        return VisitAction.Continue;
    }

    public override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.Skip;
}
