using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Validation;

namespace Transparency.GraphQL.Armour;

/// <summary>
/// Limits for a public endpoint, as validation rules in the engine's rule shape. They run after
/// the spec's rules have passed (so fragments are known and acyclic) and their verdict is cached
/// with the document.
/// </summary>
public static class ArmourRules
{
    public const string DepthLimitExceeded = "DEPTH_LIMIT_EXCEEDED";
    public const string AliasLimitExceeded = "ALIAS_LIMIT_EXCEEDED";

    /// <summary>
    /// Fields may nest at most maxDepth deep (a root field is depth 1), counted through fragments.
    /// Introspection's own nesting is left to MaxIntrospectionDepthRule only when countIntrospection is false.
    /// </summary>
    public static ValidationRule MaxDepth(int maxDepth, bool countIntrospection = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDepth);
        return new ValidationRule("MaxDepthRule", context => new DepthVisitor(context, maxDepth, countIntrospection));
    }

    /// <summary>An operation may use at most maxAliases aliases, counted through fragments each time they are spread.</summary>
    public static ValidationRule MaxAliases(int maxAliases)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxAliases);
        return new ValidationRule("MaxAliasesRule", context => new AliasVisitor(context, maxAliases));
    }

    /// <summary>Runs validation rules as an engine DocumentRule (cached with the document).</summary>
    public static DocumentRule AsDocumentRule(params ValidationRule[] rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return (schema, document) => DocumentValidator.Validate(schema, document, rules);
    }

    private sealed class DepthVisitor(ValidationContext context, int maxDepth, bool countIntrospection) : AstVisitor
    {
        private readonly Dictionary<string, int> _fragmentDepths = new(StringComparer.Ordinal);
        private readonly HashSet<string> _measuring = new(StringComparer.Ordinal);

        public override VisitAction EnterOperationDefinition(OperationDefinitionNode node)
        {
            var depth = Depth(node.SelectionSet);
            if (depth > maxDepth)
            {
                var name = node.Name is { } n ? $"Operation \"{n.Value}\"" : "The operation";
                context.ReportError(new GraphQLError(
                    $"{name} is {depth} fields deep, more than the maximum depth of {maxDepth}.",
                    [node],
                    extensions: new Dictionary<string, object?> { ["code"] = DepthLimitExceeded, ["depth"] = depth, ["maxDepth"] = maxDepth }));
            }

            return VisitAction.Skip;
        }

        public override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.Skip;

        // Stops counting once past the limit: the depth need not be exact when it is too deep,
        // and the walk stays shallow however deeply fragments chain. A fragment's depth does not
        // depend on where it is spread, so each is measured once.
        private int Depth(SelectionSetNode set, int nesting = 0)
        {
            if (nesting > maxDepth)
            {
                return 0;
            }

            var deepest = 0;
            foreach (var selection in set.Selections)
            {
                var depth = selection switch
                {
                    FieldNode { Name.Value: var name } when !countIntrospection && name.StartsWith("__", StringComparison.Ordinal) => 0,
                    FieldNode field => 1 + (field.SelectionSet is { } inner ? Depth(inner, nesting + 1) : 0),
                    InlineFragmentNode inline => Depth(inline.SelectionSet, nesting),
                    FragmentSpreadNode spread => Fragment(spread.Name.Value),
                    _ => 0,
                };
                deepest = Math.Max(deepest, depth);
                if (deepest > maxDepth)
                {
                    break;
                }
            }

            return deepest;
        }

        private int Fragment(string name)
        {
            if (_fragmentDepths.TryGetValue(name, out var known))
            {
                return known;
            }

            // A cycle is NoFragmentCyclesRule's to report.
            if (context.GetFragment(name) is not { } fragment || !_measuring.Add(name))
            {
                return 0;
            }

            var depth = Depth(fragment.SelectionSet);
            _measuring.Remove(name);
            _fragmentDepths[name] = depth;
            return depth;
        }
    }

    private sealed class AliasVisitor(ValidationContext context, int maxAliases) : AstVisitor
    {
        private readonly Dictionary<string, long> _fragmentAliases = new(StringComparer.Ordinal);
        private readonly HashSet<string> _counting = new(StringComparer.Ordinal);

        public override VisitAction EnterOperationDefinition(OperationDefinitionNode node)
        {
            var aliases = Count(node.SelectionSet);
            if (aliases > maxAliases)
            {
                context.ReportError(new GraphQLError(
                    $"The operation uses {aliases} aliases, more than the maximum of {maxAliases}.",
                    [node],
                    extensions: new Dictionary<string, object?> { ["code"] = AliasLimitExceeded, ["aliases"] = aliases, ["maxAliases"] = maxAliases }));
            }

            return VisitAction.Skip;
        }

        public override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.Skip;

        private long Count(SelectionSetNode set)
        {
            long total = 0;
            foreach (var selection in set.Selections)
            {
                total += selection switch
                {
                    FieldNode field => (field.Alias is null ? 0 : 1) + (field.SelectionSet is { } inner ? Count(inner) : 0),
                    InlineFragmentNode inline => Count(inline.SelectionSet),
                    FragmentSpreadNode spread => Fragment(spread.Name.Value),
                    _ => 0,
                };

                // Saturate: a fragment spread a thousand times in a thousand places is simply too many.
                total = Math.Min(total, int.MaxValue);
            }

            return total;
        }

        private long Fragment(string name)
        {
            if (_fragmentAliases.TryGetValue(name, out var known))
            {
                return known;
            }

            if (context.GetFragment(name) is not { } fragment || !_counting.Add(name))
            {
                return 0;
            }

            var count = Count(fragment.SelectionSet);
            _counting.Remove(name);
            _fragmentAliases[name] = count;
            return count;
        }
    }
}
