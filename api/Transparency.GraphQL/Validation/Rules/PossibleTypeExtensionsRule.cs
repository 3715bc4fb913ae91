using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>SDL: an extension extends a type that exists, and of the same kind (spec Section 3.4.3).</summary>
public sealed class PossibleTypeExtensionsRule : AstVisitor
{
    private readonly SdlValidationContext _context;
    private readonly Dictionary<string, TypeDefinitionNode> _definedTypes = new(StringComparer.Ordinal);

    public PossibleTypeExtensionsRule(SdlValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is TypeDefinitionNode type)
            {
                _definedTypes[type.Name.Value] = type;
            }
        }
    }

    public override VisitAction Enter(Node node)
    {
        if (node is not TypeExtensionNode extension)
        {
            return VisitAction.Continue;
        }

        var typeName = extension.Name.Value;
        var definition = _definedTypes.GetValueOrDefault(typeName);
        var existing = _context.Schema?.GetType(typeName);
        NodeKind? expected = definition is not null ? ExtensionKindOf(definition.Kind)
            : existing is not null ? ExtensionKindOf(existing)
            : null;

        if (expected is { } expectedKind)
        {
            if (expectedKind != extension.Kind)
            {
                _context.ReportError(new GraphQLError(
                    $"Cannot extend non-{KindName(extension.Kind)} type \"{typeName}\".",
                    definition is not null ? [definition, extension] : [extension]));
            }
        }
        else
        {
            var allTypeNames = _definedTypes.Keys.Concat(
                (_context.Schema?.TypeMap.Keys ?? []).Where(name => !_definedTypes.ContainsKey(name)));
            var suggestions = Suggestions.List(typeName, allTypeNames);
            _context.ReportError(new GraphQLError(
                $"Cannot extend type \"{typeName}\" because it is not defined.{Suggestions.DidYouMean(suggestions)}",
                [extension.Name]));
        }

        return VisitAction.Continue;
    }

    private static NodeKind? ExtensionKindOf(NodeKind definitionKind) => definitionKind switch
    {
        NodeKind.ScalarTypeDefinition => NodeKind.ScalarTypeExtension,
        NodeKind.ObjectTypeDefinition => NodeKind.ObjectTypeExtension,
        NodeKind.InterfaceTypeDefinition => NodeKind.InterfaceTypeExtension,
        NodeKind.UnionTypeDefinition => NodeKind.UnionTypeExtension,
        NodeKind.EnumTypeDefinition => NodeKind.EnumTypeExtension,
        NodeKind.InputObjectTypeDefinition => NodeKind.InputObjectTypeExtension,
        _ => null,
    };

    private static NodeKind? ExtensionKindOf(NamedType type) => type switch
    {
        ScalarType => NodeKind.ScalarTypeExtension,
        ObjectType => NodeKind.ObjectTypeExtension,
        InterfaceType => NodeKind.InterfaceTypeExtension,
        UnionType => NodeKind.UnionTypeExtension,
        EnumType => NodeKind.EnumTypeExtension,
        InputObjectType => NodeKind.InputObjectTypeExtension,
        _ => null,
    };

    private static string KindName(NodeKind extensionKind) => extensionKind switch
    {
        NodeKind.ScalarTypeExtension => "scalar",
        NodeKind.ObjectTypeExtension => "object",
        NodeKind.InterfaceTypeExtension => "interface",
        NodeKind.UnionTypeExtension => "union",
        NodeKind.EnumTypeExtension => "enum",
        _ => "input object",
    };
}
