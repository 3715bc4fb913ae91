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
    private readonly Dictionary<string, DirectiveNode> _schemaDirectives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectives = new(StringComparer.Ordinal);

    // Per directive name: whether it is non-repeatable. Built on the first directive the walk
    // meets: most documents use none.
    private Dictionary<string, bool>? _unique;

    public UniqueDirectivesPerLocationRule(AstValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    private static Dictionary<string, bool> NonRepeatable(AstValidationContext context)
    {
        var unique = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var directive in context.Schema?.Directives ?? Directives.Specified)
        {
            unique[directive.Name] = !directive.IsRepeatable;
        }

        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                unique[directive.Name.Value] = !directive.Repeatable;
            }
        }

        return unique;
    }

    // One override per node kind that takes directives, so the walk calls this rule for those
    // nodes only (names, values and the like are most of a document).
    public override VisitAction EnterOperationDefinition(OperationDefinitionNode node) => Check(node.Directives);

    public override VisitAction EnterVariableDefinition(VariableDefinitionNode node) => Check(node.Directives);

    public override VisitAction EnterField(FieldNode node) => Check(node.Directives);

    public override VisitAction EnterFragmentSpread(FragmentSpreadNode node) => Check(node.Directives);

    public override VisitAction EnterInlineFragment(InlineFragmentNode node) => Check(node.Directives);

    public override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => Check(node.Directives);

    public override VisitAction EnterFieldDefinition(FieldDefinitionNode node) => Check(node.Directives);

    public override VisitAction EnterInputValueDefinition(InputValueDefinitionNode node) => Check(node.Directives);

    public override VisitAction EnterEnumValueDefinition(EnumValueDefinitionNode node) => Check(node.Directives);

    public override VisitAction EnterDirectiveDefinition(DirectiveDefinitionNode node) => Check(node.Directives);

    public override VisitAction EnterDirectiveExtension(DirectiveExtensionNode node) => Check(node.Directives);

    // The schema definition and its extensions are one location.
    public override VisitAction EnterSchemaDefinition(SchemaDefinitionNode node) => Check(node.Directives, _schemaDirectives);

    public override VisitAction EnterSchemaExtension(SchemaExtensionNode node) => Check(node.Directives, _schemaDirectives);

    // A type's definition and its extensions are one location.
    public override VisitAction EnterScalarTypeDefinition(ScalarTypeDefinitionNode node) => CheckType(node.Name, node.Directives);

    public override VisitAction EnterObjectTypeDefinition(ObjectTypeDefinitionNode node) => CheckType(node.Name, node.Directives);

    public override VisitAction EnterInterfaceTypeDefinition(InterfaceTypeDefinitionNode node) => CheckType(node.Name, node.Directives);

    public override VisitAction EnterUnionTypeDefinition(UnionTypeDefinitionNode node) => CheckType(node.Name, node.Directives);

    public override VisitAction EnterEnumTypeDefinition(EnumTypeDefinitionNode node) => CheckType(node.Name, node.Directives);

    public override VisitAction EnterInputObjectTypeDefinition(InputObjectTypeDefinitionNode node) => CheckType(node.Name, node.Directives);

    public override VisitAction EnterScalarTypeExtension(ScalarTypeExtensionNode node) => CheckType(node.Name, node.Directives);

    public override VisitAction EnterObjectTypeExtension(ObjectTypeExtensionNode node) => CheckType(node.Name, node.Directives);

    public override VisitAction EnterInterfaceTypeExtension(InterfaceTypeExtensionNode node) => CheckType(node.Name, node.Directives);

    public override VisitAction EnterUnionTypeExtension(UnionTypeExtensionNode node) => CheckType(node.Name, node.Directives);

    public override VisitAction EnterEnumTypeExtension(EnumTypeExtensionNode node) => CheckType(node.Name, node.Directives);

    public override VisitAction EnterInputObjectTypeExtension(InputObjectTypeExtensionNode node) => CheckType(node.Name, node.Directives);

    private VisitAction CheckType(NameNode typeName, IReadOnlyList<DirectiveNode> directives)
    {
        if (directives.Count == 0)
        {
            return VisitAction.Continue;
        }

        if (!_typeDirectives.TryGetValue(typeName.Value, out var seen))
        {
            seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            _typeDirectives[typeName.Value] = seen;
        }

        return Check(directives, seen);
    }

    // seen: the directives already at this location; a fresh set when the node is a location of its own.
    private VisitAction Check(IReadOnlyList<DirectiveNode> directives, Dictionary<string, DirectiveNode>? seen = null)
    {
        if (directives.Count == 0)
        {
            return VisitAction.Continue;
        }

        _unique ??= NonRepeatable(_context);
        seen ??= new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
        for (var i = 0; i < directives.Count; i++)
        {
            var directive = directives[i];
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
