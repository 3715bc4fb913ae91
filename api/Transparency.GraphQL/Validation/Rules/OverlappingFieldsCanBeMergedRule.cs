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
        var conflicts = _finder.FindConflictsWithinSelectionSet(context.GetParentType(), node, MayBeCollectedOnOtherType());
        if (conflicts is null)
        {
            return VisitAction.Continue;
        }

        foreach (var conflict in conflicts)
        {
            context.ReportError(new GraphQLError(
                $"Fields \"{conflict.Reason.ResponseName}\" conflict because {conflict.Reason.Describe()}. "
                + "Use different aliases on the fields to fetch both if this was intentional.",
                [.. conflict.Fields1, .. conflict.Fields2]));
        }

        return VisitAction.Continue;
    }

    // Whether the finder, comparing the subfields of two fields later in the walk, may collect
    // the current selection set with another parent type than the walk's. It collects only sets
    // it reaches through a fragment, so not those of operations (the walk has passed them for
    // good), and takes the type from the field's definition, which is the walk's but for the
    // meta fields __schema and __type, which it does not look up: so only sets below those.
    private bool MayBeCollectedOnOtherType()
    {
        var ancestors = Ancestors;
        var belowMetaField = false;
        for (var i = ancestors.Count - 1; i >= 0; i--)
        {
            switch (ancestors[i])
            {
                case FieldNode { Name.Value: "__schema" or "__type" }:
                    belowMetaField = true;
                    break;
                case FragmentDefinitionNode:
                    return belowMetaField;
                case OperationDefinitionNode:
                    return false;
            }
        }

        return false;
    }
}
