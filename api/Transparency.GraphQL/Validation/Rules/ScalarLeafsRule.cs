using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>Leaf Field Selections (spec Section 5.3.3): leaves have no selection set, everything else needs one.</summary>
public sealed class ScalarLeafsRule(ValidationContext context) : AstVisitor
{
    public override VisitAction EnterField(FieldNode node)
    {
        if (context.GetType() is not { } type)
        {
            return VisitAction.Continue;
        }

        var fieldName = node.Name.Value;
        if (type.GetNamedType().IsLeafType())
        {
            if (node.SelectionSet is { } selectionSet)
            {
                context.ReportError(new GraphQLError(
                    $"Field \"{fieldName}\" must not have a selection since type \"{type}\" has no subfields.", [selectionSet]));
            }
        }
        else if (node.SelectionSet is null)
        {
            context.ReportError(new GraphQLError(
                $"Field \"{fieldName}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{fieldName} {{ ... }}\"?",
                [node]));
        }
        else if (node.SelectionSet.Selections.Count == 0)
        {
            context.ReportError(new GraphQLError(
                $"Field \"{fieldName}\" of type \"{type}\" must have at least one field selected.", [node]));
        }

        return VisitAction.Continue;
    }
}
