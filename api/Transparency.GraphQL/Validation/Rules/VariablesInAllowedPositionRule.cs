using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>
/// All Variable Usages Are Allowed (spec Section 5.8.5): a variable's type must fit every
/// position it is used in, through fragments too. A nullable variable may stand where a
/// non-null value is expected only if it or the position has a non-null default. A field of a
/// @oneOf input object never accepts a nullable variable, default or not (graphql-js 17).
/// </summary>
public sealed class VariablesInAllowedPositionRule(ValidationContext context) : AstVisitor
{
    private readonly Dictionary<string, VariableDefinitionNode> _definitions = new(StringComparer.Ordinal);

    public override VisitAction EnterOperationDefinition(OperationDefinitionNode node)
    {
        _definitions.Clear();
        return VisitAction.Continue;
    }

    public override VisitAction EnterVariableDefinition(VariableDefinitionNode node)
    {
        _definitions[node.Variable.Name.Value] = node;
        return VisitAction.Continue;
    }

    public override VisitAction LeaveOperationDefinition(OperationDefinitionNode node)
    {
        var schema = context.Schema;
        foreach (var usage in context.GetRecursiveVariableUsages(node))
        {
            var name = usage.Node.Name.Value;
            if (!_definitions.TryGetValue(name, out var definition) || usage.Type is null)
            {
                continue;
            }

            // Undefined variable types are KnownTypeNamesRule's to report.
            if (TypeFromAst.Convert(schema, definition.Type) is not { } variableType)
            {
                continue;
            }

            if (!IsAllowed(schema, variableType, definition.DefaultValue, usage.Type, usage.HasDefaultValue))
            {
                context.ReportError(new GraphQLError(
                    $"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{usage.Type}\".",
                    [definition, usage.Node]));
            }

            if (usage.ParentType is InputObjectType { IsOneOf: true } oneOf && variableType is not NonNullType)
            {
                context.ReportError(new GraphQLError(
                    $"Variable \"${name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".",
                    [definition, usage.Node]));
            }
        }

        return VisitAction.Continue;
    }

    // A variable of a nullable type may fill a non-null position when a non-null default will
    // be used instead of a missing value: the variable's own (not a literal null), or the position's.
    private static bool IsAllowed(
        GraphQLSchema schema,
        GraphQLType variableType,
        ValueNode? variableDefault,
        GraphQLType locationType,
        bool locationHasDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            var hasNonNullVariableDefault = variableDefault is not null and not NullValueNode;
            if (!hasNonNullVariableDefault && !locationHasDefault)
            {
                return false;
            }

            return TypeComparators.IsTypeSubTypeOf(schema, variableType, nonNullLocation.OfType);
        }

        return TypeComparators.IsTypeSubTypeOf(schema, variableType, locationType);
    }
}
