using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>
/// Directives Are Defined and Directives Are In Valid Locations (spec Sections 5.7.1, 5.7.2).
/// Also an SDL rule: directives defined in the document count as known.
/// </summary>
public sealed class KnownDirectivesRule : AstVisitor
{
    private readonly AstValidationContext _context;

    // Built on the first directive the walk meets: most documents use none.
    private Dictionary<string, HashSet<string>>? _locations;

    public KnownDirectivesRule(AstValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    public override VisitAction EnterDirective(DirectiveNode node)
    {
        var name = node.Name.Value;
        if (!(_locations ??= KnownLocations(_context)).TryGetValue(name, out var locations))
        {
            _context.ReportError(new GraphQLError($"Unknown directive \"@{name}\".", [node]));
            return VisitAction.Continue;
        }

        if (CandidateLocation() is { } candidate && !locations.Contains(candidate))
        {
            _context.ReportError(new GraphQLError($"Directive \"@{name}\" may not be used on {candidate}.", [node]));
        }

        return VisitAction.Continue;
    }

    private static Dictionary<string, HashSet<string>> KnownLocations(AstValidationContext context)
    {
        var known = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var directive in context.Schema?.Directives ?? Directives.Specified)
        {
            known[directive.Name] = new HashSet<string>(directive.Locations.Select(l => l.ToName()), StringComparer.Ordinal);
        }

        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                known[directive.Name.Value] = new HashSet<string>(directive.Locations.Select(l => l.Value), StringComparer.Ordinal);
            }
        }

        return known;
    }

    // Where the directive stands, from the node it is applied to.
    private string? CandidateLocation()
    {
        var location = Parent switch
        {
            OperationDefinitionNode operation => operation.Operation switch
            {
                OperationType.Mutation => DirectiveLocation.Mutation,
                OperationType.Subscription => DirectiveLocation.Subscription,
                _ => DirectiveLocation.Query,
            },
            FieldNode => DirectiveLocation.Field,
            FragmentSpreadNode => DirectiveLocation.FragmentSpread,
            InlineFragmentNode => DirectiveLocation.InlineFragment,
            FragmentDefinitionNode => DirectiveLocation.FragmentDefinition,
            VariableDefinitionNode => DirectiveLocation.VariableDefinition,
            SchemaDefinitionNode or SchemaExtensionNode => DirectiveLocation.Schema,
            ScalarTypeDefinitionNode or ScalarTypeExtensionNode => DirectiveLocation.Scalar,
            ObjectTypeDefinitionNode or ObjectTypeExtensionNode => DirectiveLocation.Object,
            FieldDefinitionNode => DirectiveLocation.FieldDefinition,
            InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => DirectiveLocation.Interface,
            UnionTypeDefinitionNode or UnionTypeExtensionNode => DirectiveLocation.Union,
            EnumTypeDefinitionNode or EnumTypeExtensionNode => DirectiveLocation.Enum,
            EnumValueDefinitionNode => DirectiveLocation.EnumValue,
            InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => DirectiveLocation.InputObject,
            InputValueDefinitionNode => Ancestors.Count > 1 && Ancestors[^2] is InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode
                ? DirectiveLocation.InputFieldDefinition
                : DirectiveLocation.ArgumentDefinition,
            DirectiveDefinitionNode or DirectiveExtensionNode => DirectiveLocation.DirectiveDefinition,
            _ => (DirectiveLocation?)null,
        };
        return location?.ToName();
    }
}
