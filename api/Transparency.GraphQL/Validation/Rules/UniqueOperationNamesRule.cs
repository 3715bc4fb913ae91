using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>Operation Name Uniqueness (spec Section 5.2.1.1).</summary>
public sealed class UniqueOperationNamesRule(ValidationContext context) : AstVisitor
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override VisitAction EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (node.Name is { } name)
        {
            if (_known.TryGetValue(name.Value, out var first))
            {
                context.ReportError(new GraphQLError($"There can be only one operation named \"{name.Value}\".", [first, name]));
            }
            else
            {
                _known[name.Value] = name;
            }
        }

        return VisitAction.Skip;
    }

    public override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.Skip;
}
