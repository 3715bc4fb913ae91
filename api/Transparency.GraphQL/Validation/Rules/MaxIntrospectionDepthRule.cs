using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>
/// Limits how deep introspection nests its list fields (graphql-js's recommended rule): a
/// query such as __schema { types { fields { type { fields { type { fields ... } } } } } }
/// grows the response exponentially. Three nested "fields", "interfaces", "possibleTypes"
/// or "inputFields" are too many.
/// </summary>
public sealed class MaxIntrospectionDepthRule(ValidationContext context) : AstVisitor
{
    private const int MaxListsDepth = 3;

    public override VisitAction EnterField(FieldNode node)
    {
        if (node.Name.Value is "__schema" or "__type"
            && TooDeep(node, new HashSet<string>(StringComparer.Ordinal), 0))
        {
            context.ReportError(new GraphQLError("Maximum introspection depth exceeded", [node]));
            return VisitAction.Skip;
        }

        return VisitAction.Continue;
    }

    private bool TooDeep(SelectionNode node, HashSet<string> fragmentsInPath, int depth)
    {
        switch (node)
        {
            case FragmentSpreadNode spread:
                var name = spread.Name.Value;

                // A fragment already on the path is a cycle: NoFragmentCyclesRule reports it.
                if (fragmentsInPath.Contains(name) || context.GetFragment(name) is not { } fragment)
                {
                    return false;
                }

                fragmentsInPath.Add(name);
                var tooDeep = TooDeep(fragment.SelectionSet, fragmentsInPath, depth);
                fragmentsInPath.Remove(name);
                return tooDeep;
            case FieldNode field:
                if (field.Name.Value is "fields" or "interfaces" or "possibleTypes" or "inputFields" && ++depth >= MaxListsDepth)
                {
                    return true;
                }

                return field.SelectionSet is { } selectionSet && TooDeep(selectionSet, fragmentsInPath, depth);
            case InlineFragmentNode inline:
                return TooDeep(inline.SelectionSet, fragmentsInPath, depth);
            default:
                return false;
        }
    }

    private bool TooDeep(SelectionSetNode selectionSet, HashSet<string> fragmentsInPath, int depth)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (TooDeep(selection, fragmentsInPath, depth))
            {
                return true;
            }
        }

        return false;
    }
}
