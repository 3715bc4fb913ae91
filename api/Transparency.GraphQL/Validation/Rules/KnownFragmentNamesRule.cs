using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>Fragment Spread Target Defined (spec Section 5.5.2.1).</summary>
public sealed class KnownFragmentNamesRule(ValidationContext context) : AstVisitor
{
    public override VisitAction EnterFragmentSpread(FragmentSpreadNode node)
    {
        if (context.GetFragment(node.Name.Value) is null)
        {
            context.ReportError(new GraphQLError($"Unknown fragment \"{node.Name.Value}\".", [node.Name]));
        }

        return VisitAction.Continue;
    }
}
