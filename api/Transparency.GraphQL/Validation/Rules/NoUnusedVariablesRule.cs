using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>All Variables Used (spec Section 5.8.4), counting uses inside spread fragments.</summary>
public sealed class NoUnusedVariablesRule(ValidationContext context) : AstVisitor
{
    public override VisitAction EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (node.VariableDefinitions.Count > 0)
        {
            var used = new HashSet<string>(
                context.GetRecursiveVariableUsages(node).Select(u => u.Node.Name.Value), StringComparer.Ordinal);
            foreach (var definition in node.VariableDefinitions)
            {
                var name = definition.Variable.Name.Value;
                if (!used.Contains(name))
                {
                    var message = node.Name is { } operationName
                        ? $"Variable \"${name}\" is never used in operation \"{operationName.Value}\"."
                        : $"Variable \"${name}\" is never used.";
                    context.ReportError(new GraphQLError(message, [definition]));
                }
            }
        }

        return VisitAction.Skip;
    }

    public override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.Skip;
}
