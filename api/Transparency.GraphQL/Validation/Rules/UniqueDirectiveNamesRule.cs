using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>SDL: directive names are unique, and do not redefine the extended schema's (spec Section 3.13).</summary>
public sealed class UniqueDirectiveNamesRule(SdlValidationContext context) : AstVisitor
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override VisitAction EnterDirectiveDefinition(DirectiveDefinitionNode node)
    {
        var name = node.Name;
        if (context.Schema?.GetDirective(name.Value) is not null)
        {
            context.ReportError(new GraphQLError(
                $"Directive \"@{name.Value}\" already exists in the schema. It cannot be redefined.", [name]));
            return VisitAction.Continue;
        }

        if (_known.TryGetValue(name.Value, out var first))
        {
            context.ReportError(new GraphQLError($"There can be only one directive named \"@{name.Value}\".", [first, name]));
        }
        else
        {
            _known[name.Value] = name;
        }

        return VisitAction.Skip;
    }
}
