using Transparency.GraphQL.Language;
using Transparency.GraphQL.Validation.Rules.Overlap;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>
/// Field Selection Merging (spec Section 5.3.2): fields that land on one response key, through
/// aliases, inline fragments or fragment spreads, must be mergeable: the same field with the
/// same arguments (unless their parents are different object types), and of compatible types,
/// recursively through their subfields. The search itself is in <see cref="FieldConflictFinder"/>.
/// </summary>
public sealed class OverlappingFieldsCanBeMergedRule(ValidationContext context) : AstVisitor
{
    private readonly FieldConflictFinder _finder = new(context.Schema, context.GetFragment);

    public override VisitAction EnterSelectionSet(SelectionSetNode node)
    {
        foreach (var conflict in _finder.FindConflictsWithinSelectionSet(context.GetParentType(), node))
        {
            context.ReportError(new GraphQLError(
                $"Fields \"{conflict.Reason.ResponseName}\" conflict because {conflict.Reason.Describe()}. "
                + "Use different aliases on the fields to fetch both if this was intentional.",
                [.. conflict.Fields1, .. conflict.Fields2]));
        }

        return VisitAction.Continue;
    }
}
