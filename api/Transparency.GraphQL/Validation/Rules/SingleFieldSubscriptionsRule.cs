using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>
/// Single Root Field (spec Section 5.2.3.1): a subscription selects exactly one root field, and
/// not an introspection field. Fields are collected as CollectFields would at execution, with
/// no variable values: a @skip or @include whose condition is a variable keeps its selection.
/// </summary>
public sealed class SingleFieldSubscriptionsRule(ValidationContext context) : AstVisitor
{
    public override VisitAction EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (node.Operation != OperationType.Subscription || context.Schema.SubscriptionType is not { } subscriptionType)
        {
            return VisitAction.Continue;
        }

        var groups = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var order = new List<List<FieldNode>>();
        CollectFields(subscriptionType, node.SelectionSet, groups, order, new HashSet<string>(StringComparer.Ordinal));

        var operationName = node.Name?.Value;
        if (order.Count > 1)
        {
            context.ReportError(new GraphQLError(
                operationName is not null
                    ? $"Subscription \"{operationName}\" must select only one top level field."
                    : "Anonymous Subscription must select only one top level field.",
                order.Skip(1).SelectMany(g => g).Cast<Node>().ToList()));
        }

        foreach (var group in order)
        {
            if (group[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                context.ReportError(new GraphQLError(
                    operationName is not null
                        ? $"Subscription \"{operationName}\" must not select an introspection top level field."
                        : "Anonymous Subscription must not select an introspection top level field.",
                    group.Cast<Node>().ToList()));
            }
        }

        return VisitAction.Continue;
    }

    private void CollectFields(
        ObjectType runtimeType,
        SelectionSetNode selectionSet,
        Dictionary<string, List<FieldNode>> groups,
        List<List<FieldNode>> order,
        HashSet<string> visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (!ShouldInclude(selection))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    if (!groups.TryGetValue(field.ResponseKey, out var group))
                    {
                        group = [];
                        groups[field.ResponseKey] = group;
                        order.Add(group);
                    }

                    group.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (ConditionMatches(inline.TypeCondition, runtimeType))
                    {
                        CollectFields(runtimeType, inline.SelectionSet, groups, order, visitedFragments);
                    }

                    break;
                case FragmentSpreadNode spread:
                    if (visitedFragments.Add(spread.Name.Value)
                        && context.GetFragment(spread.Name.Value) is { } fragment
                        && ConditionMatches(fragment.TypeCondition, runtimeType))
                    {
                        CollectFields(runtimeType, fragment.SelectionSet, groups, order, visitedFragments);
                    }

                    break;
            }
        }
    }

    private bool ConditionMatches(NamedTypeNode? condition, ObjectType runtimeType)
    {
        if (condition is null)
        {
            return true;
        }

        var conditionType = TypeFromAst.Convert(context.Schema, condition);
        if (ReferenceEquals(conditionType, runtimeType))
        {
            return true;
        }

        return conditionType is NamedType named && named.IsAbstractType() && context.Schema.IsSubType(named, runtimeType);
    }

    private static bool ShouldInclude(SelectionNode selection)
    {
        foreach (var directive in selection.Directives)
        {
            var condition = directive.Arguments.FirstOrDefault(a => a.Name.Value == "if")?.Value;
            if (condition is not BooleanValueNode literal)
            {
                continue;
            }

            if ((directive.Name.Value == "skip" && literal.Value) || (directive.Name.Value == "include" && !literal.Value))
            {
                return false;
            }
        }

        return true;
    }
}
