using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>Variable Uniqueness (spec Section 5.8.1): one error per repeated name, at every definition of it.</summary>
public sealed class UniqueVariableNamesRule(ValidationContext context) : AstVisitor
{
    public override VisitAction EnterOperationDefinition(OperationDefinitionNode node)
    {
        foreach (var group in node.VariableDefinitions.GroupBy(d => d.Variable.Name.Value, StringComparer.Ordinal))
        {
            var definitions = group.ToList();
            if (definitions.Count > 1)
            {
                context.ReportError(new GraphQLError(
                    $"There can be only one variable named \"${group.Key}\".",
                    definitions.Select(d => (Node)d.Variable.Name).ToList()));
            }
        }

        return VisitAction.Continue;
    }
}
