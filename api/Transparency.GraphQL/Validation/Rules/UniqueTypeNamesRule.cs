using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>SDL: type names are unique, and new types do not redefine the extended schema's (spec Section 3.4).</summary>
public sealed class UniqueTypeNamesRule(SdlValidationContext context) : AstVisitor
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override VisitAction Enter(Node node)
    {
        if (node is not TypeDefinitionNode definition)
        {
            return VisitAction.Continue;
        }

        var name = definition.Name;
        if (context.Schema?.GetType(name.Value) is not null)
        {
            context.ReportError(new GraphQLError(
                $"Type \"{name.Value}\" already exists in the schema. It cannot also be defined in this type definition.", [name]));
            return VisitAction.Continue;
        }

        if (_known.TryGetValue(name.Value, out var first))
        {
            context.ReportError(new GraphQLError($"There can be only one type named \"{name.Value}\".", [first, name]));
        }
        else
        {
            _known[name.Value] = name;
        }

        return VisitAction.Skip;
    }
}
