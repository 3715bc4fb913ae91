using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>SDL: argument names are unique per field and per directive definition.</summary>
public sealed class UniqueArgumentDefinitionNamesRule(SdlValidationContext context) : AstVisitor
{
    public override VisitAction Enter(Node node)
    {
        switch (node)
        {
            case DirectiveDefinitionNode directive:
                Check("@" + directive.Name.Value, directive.Arguments);
                return VisitAction.Skip;
            case ObjectTypeDefinitionNode n:
                CheckFields(n.Name.Value, n.Fields);
                return VisitAction.Skip;
            case ObjectTypeExtensionNode n:
                CheckFields(n.Name.Value, n.Fields);
                return VisitAction.Skip;
            case InterfaceTypeDefinitionNode n:
                CheckFields(n.Name.Value, n.Fields);
                return VisitAction.Skip;
            case InterfaceTypeExtensionNode n:
                CheckFields(n.Name.Value, n.Fields);
                return VisitAction.Skip;
            default:
                return VisitAction.Continue;
        }
    }

    private void CheckFields(string typeName, IReadOnlyList<FieldDefinitionNode> fields)
    {
        foreach (var field in fields)
        {
            Check($"{typeName}.{field.Name.Value}", field.Arguments);
        }
    }

    private void Check(string parentName, IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        foreach (var group in arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal))
        {
            var names = group.Select(a => (Node)a.Name).ToList();
            if (names.Count > 1)
            {
                context.ReportError(new GraphQLError($"Argument \"{parentName}({group.Key}:)\" can only be defined once.", names));
            }
        }
    }
}
