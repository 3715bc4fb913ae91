using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>
/// Field Selections (spec Section 5.3.1): a field must exist on the type selected from. For an
/// abstract type the hint names the types that do have it, most useful first, as graphql-js does.
/// </summary>
public sealed class FieldsOnCorrectTypeRule(ValidationContext context) : AstVisitor
{
    public override VisitAction EnterField(FieldNode node)
    {
        if (context.GetParentType() is not { } type || context.GetFieldDef() is not null)
        {
            return VisitAction.Continue;
        }

        var fieldName = node.Name.Value;
        var suggestion = Suggestions.DidYouMean("to use an inline fragment on", SuggestedTypeNames(context.Schema, type, fieldName));
        if (suggestion.Length == 0)
        {
            suggestion = Suggestions.DidYouMean(SuggestedFieldNames(type, fieldName));
        }

        context.ReportError(new GraphQLError($"Cannot query field \"{fieldName}\" on type \"{type.Name}\".{suggestion}", [node]));
        return VisitAction.Continue;
    }

    // Types that have the field, those that more possible types share first, then interfaces
    // before the types implementing them, then by name.
    private static List<string> SuggestedTypeNames(GraphQLSchema schema, NamedType type, string fieldName)
    {
        if (!type.IsAbstractType())
        {
            return [];
        }

        var suggested = new List<FieldsType>();
        var usageCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var possibleType in schema.GetPossibleTypes(type))
        {
            if (possibleType.GetField(fieldName) is null)
            {
                continue;
            }

            if (!usageCount.ContainsKey(possibleType.Name))
            {
                suggested.Add(possibleType);
            }

            usageCount[possibleType.Name] = 1;
            foreach (var possibleInterface in possibleType.Interfaces)
            {
                if (possibleInterface.GetField(fieldName) is null)
                {
                    continue;
                }

                if (!usageCount.TryGetValue(possibleInterface.Name, out var count))
                {
                    suggested.Add(possibleInterface);
                }

                usageCount[possibleInterface.Name] = count + 1;
            }
        }

        return suggested
            .Order(Comparer<FieldsType>.Create((a, b) =>
            {
                var diff = usageCount[b.Name] - usageCount[a.Name];
                if (diff != 0)
                {
                    return diff;
                }

                if (a is InterfaceType && schema.IsSubType(a, b))
                {
                    return -1;
                }

                if (b is InterfaceType && schema.IsSubType(b, a))
                {
                    return 1;
                }

                return Suggestions.NaturalCompare(a.Name, b.Name);
            }))
            .Select(t => t.Name)
            .ToList();
    }

    private static IReadOnlyList<string> SuggestedFieldNames(NamedType type, string fieldName) =>
        type is FieldsType fields ? Suggestions.List(fieldName, fields.Fields.Select(f => f.Name)) : [];
}
