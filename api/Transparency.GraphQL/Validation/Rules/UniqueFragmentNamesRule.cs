using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>Fragment Name Uniqueness (spec Section 5.5.1.1).</summary>
public sealed class UniqueFragmentNamesRule(ValidationContext context) : AstVisitor
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override VisitAction EnterOperationDefinition(OperationDefinitionNode node) => VisitAction.Skip;

    public override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        var name = node.Name;
        if (_known.TryGetValue(name.Value, out var first))
        {
            context.ReportError(new GraphQLError($"There can be only one fragment named \"{name.Value}\".", [first, name]));
        }
        else
        {
            _known[name.Value] = name;
        }

        return VisitAction.Skip;
    }
}
