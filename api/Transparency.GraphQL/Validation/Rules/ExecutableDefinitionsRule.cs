using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>
/// Executable Definitions (spec Section 5.1.1): a document sent for execution holds only
/// operations and fragments.
/// </summary>
public sealed class ExecutableDefinitionsRule(ValidationContext context) : AstVisitor
{
    public override VisitAction EnterDocument(DocumentNode node)
    {
        foreach (var definition in node.Definitions)
        {
            if (definition is ExecutableDefinitionNode)
            {
                continue;
            }

            var name = definition is SchemaDefinitionNode or SchemaExtensionNode
                ? "schema"
                : "\"" + DefinitionName(definition) + "\"";
            context.ReportError(new GraphQLError($"The {name} definition is not executable.", [definition]));
        }

        return VisitAction.Skip;
    }

    private static string DefinitionName(DefinitionNode definition) => definition switch
    {
        TypeDefinitionNode type => type.Name.Value,
        TypeExtensionNode extension => extension.Name.Value,
        DirectiveDefinitionNode directive => directive.Name.Value,
        DirectiveExtensionNode directive => directive.Name.Value,
        _ => definition.Kind.ToString(),
    };
}
