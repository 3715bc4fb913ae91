using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Spread Is Possible (spec Section 5.5.2.3): a fragment may only be spread where some
/// object could be of both its type condition and the enclosing type.
/// </summary>
public sealed class PossibleFragmentSpreadsRule(ValidationContext context) : AstVisitor
{
    public override VisitAction EnterInlineFragment(InlineFragmentNode node)
    {
        if (context.GetType() is NamedType fragmentType && fragmentType.IsCompositeType()
            && context.GetParentType() is { } parentType && parentType.IsCompositeType()
            && !TypeComparators.DoTypesOverlap(context.Schema, fragmentType, parentType))
        {
            context.ReportError(new GraphQLError(
                $"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".",
                [node]));
        }

        return VisitAction.Continue;
    }

    public override VisitAction EnterFragmentSpread(FragmentSpreadNode node)
    {
        var fragmentName = node.Name.Value;
        if (FragmentType(fragmentName) is { } fragmentType
            && context.GetParentType() is { } parentType
            && !TypeComparators.DoTypesOverlap(context.Schema, fragmentType, parentType))
        {
            context.ReportError(new GraphQLError(
                $"Fragment \"{fragmentName}\" cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".",
                [node]));
        }

        return VisitAction.Continue;
    }

    // Unknown fragments and non-composite type conditions are other rules' errors.
    private NamedType? FragmentType(string name) =>
        context.GetFragment(name) is { } fragment
        && context.Schema.GetType(fragment.TypeCondition.Name.Value) is { } type
        && type.IsCompositeType()
            ? type
            : null;
}
