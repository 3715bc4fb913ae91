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

    // Per fragment: the greatest depth at which a search through it found nothing. Deeper
    // searches can only find more, shallower ones nothing more, so a fragment is searched again
    // only from deeper down: the introspection query spreads its TypeRef fragment seven times.
    // Only searches that met no cycle are remembered: those did not depend on the path.
    private readonly Dictionary<string, int> _clearedAtDepth = new(StringComparer.Ordinal);

    // How many times a search stopped at a fragment already on its path.
    private int _cyclesMet;

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

                if (context.GetFragment(name) is not { } fragment
                    || (_clearedAtDepth.TryGetValue(name, out var clearedAt) && depth <= clearedAt))
                {
                    return false;
                }

                // A fragment already on the path is a cycle: NoFragmentCyclesRule reports it.
                if (!fragmentsInPath.Add(name))
                {
                    _cyclesMet++;
                    return false;
                }

                var cyclesBefore = _cyclesMet;
                var tooDeep = TooDeep(fragment.SelectionSet, fragmentsInPath, depth);
                fragmentsInPath.Remove(name);
                if (!tooDeep && _cyclesMet == cyclesBefore)
                {
                    _clearedAtDepth[name] = depth;
                }

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
        // Indexed, not foreach: an enumerator of the IReadOnlyList would be allocated per set.
        var selections = selectionSet.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            if (TooDeep(selections[i], fragmentsInPath, depth))
            {
                return true;
            }
        }

        return false;
    }
}
