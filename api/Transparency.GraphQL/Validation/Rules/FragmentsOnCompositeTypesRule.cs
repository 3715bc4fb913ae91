using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>Fragments On Composite Types (spec Section 5.5.1.3). Unknown types are KnownTypeNamesRule's error.</summary>
public sealed class FragmentsOnCompositeTypesRule(ValidationContext context) : AstVisitor
{
    public override VisitAction EnterInlineFragment(InlineFragmentNode node)
    {
        if (node.TypeCondition is { } condition && IsNonComposite(condition))
        {
            context.ReportError(new GraphQLError(
                $"Fragment cannot condition on non composite type \"{Printer.Print(condition)}\".", [condition]));
        }

        return VisitAction.Continue;
    }

    public override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        if (IsNonComposite(node.TypeCondition))
        {
            context.ReportError(new GraphQLError(
                $"Fragment \"{node.Name.Value}\" cannot condition on non composite type \"{Printer.Print(node.TypeCondition)}\".",
                [node.TypeCondition]));
        }

        return VisitAction.Continue;
    }

    private bool IsNonComposite(TypeNode condition) =>
        TypeFromAst.Convert(context.Schema, condition) is { } type && !type.IsCompositeType();
}
