using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>
/// Directives Are Unique Per Location (spec Section 5.7.3): a non-repeatable directive appears
/// at most once on a node. Also an SDL rule, where a type's definition and its extensions are
/// one location, as are the schema definition and its extensions.
/// </summary>
public sealed class UniqueDirectivesPerLocationRule : AstVisitor
{
    private readonly AstValidationContext _context;
    private readonly Dictionary<string, bool> _unique = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveNode> _schemaDirectives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectives = new(StringComparer.Ordinal);

    public UniqueDirectivesPerLocationRule(AstValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        foreach (var directive in context.Schema?.Directives ?? Directives.Specified)
        {
            _unique[directive.Name] = !directive.IsRepeatable;
        }

        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                _unique[directive.Name.Value] = !directive.Repeatable;
            }
        }
    }

    public override VisitAction Enter(Node node)
    {
        var directives = node switch
        {
            OperationDefinitionNode n => n.Directives,
            VariableDefinitionNode n => n.Directives,
            SelectionNode n => n.Directives,
            FragmentDefinitionNode n => n.Directives,
            SchemaDefinitionNode n => n.Directives,
            SchemaExtensionNode n => n.Directives,
            TypeDefinitionNode n => n.Directives,
            TypeExtensionNode n => n.Directives,
            FieldDefinitionNode n => n.Directives,
            InputValueDefinitionNode n => n.Directives,
            EnumValueDefinitionNode n => n.Directives,
            DirectiveDefinitionNode n => n.Directives,
            DirectiveExtensionNode n => n.Directives,
            _ => null,
        };
        if (directives is null || directives.Count == 0)
        {
            return VisitAction.Continue;
        }

        var typeName = (node as TypeDefinitionNode)?.Name.Value ?? (node as TypeExtensionNode)?.Name.Value;
        Dictionary<string, DirectiveNode> seen;
        if (node is SchemaDefinitionNode or SchemaExtensionNode)
        {
            seen = _schemaDirectives;
        }
        else if (typeName is not null)
        {
            if (!_typeDirectives.TryGetValue(typeName, out seen!))
            {
                seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
                _typeDirectives[typeName] = seen;
            }
        }
        else
        {
            seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
        }

        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (!_unique.GetValueOrDefault(name))
            {
                continue;
            }

            if (seen.TryGetValue(name, out var first))
            {
                _context.ReportError(new GraphQLError(
                    $"The directive \"@{name}\" can only be used once at this location.", [first, directive]));
            }
            else
            {
                seen[name] = directive;
            }
        }

        return VisitAction.Continue;
    }
}
