using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>SDL: each root operation type is given once, across the schema definition and its extensions.</summary>
public sealed class UniqueOperationTypesRule(SdlValidationContext context) : AstVisitor
{
    private readonly Dictionary<OperationType, OperationTypeDefinitionNode> _defined = [];

    public override VisitAction EnterSchemaDefinition(SchemaDefinitionNode node) => Check(node.OperationTypes);

    public override VisitAction EnterSchemaExtension(SchemaExtensionNode node) => Check(node.OperationTypes);

    private VisitAction Check(IReadOnlyList<OperationTypeDefinitionNode> operationTypes)
    {
        foreach (var operationType in operationTypes)
        {
            var operation = operationType.Operation;
            var name = operation.ToString().ToLowerInvariant();
            if (context.Schema?.GetRootType(operation) is not null)
            {
                context.ReportError(new GraphQLError(
                    $"Type for {name} already defined in the schema. It cannot be redefined.", [operationType]));
            }
            else if (_defined.TryGetValue(operation, out var first))
            {
                context.ReportError(new GraphQLError($"There can be only one {name} type in schema.", [first, operationType]));
            }
            else
            {
                _defined[operation] = operationType;
            }
        }

        return VisitAction.Skip;
    }
}
