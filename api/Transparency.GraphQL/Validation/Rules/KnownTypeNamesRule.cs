using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Spread Type Existence and variable types (spec Sections 5.5.1.2, 5.8.2): every named
/// type must exist in the schema or be defined in the document. Also an SDL rule, where the
/// standard scalars and introspection types count as known.
/// </summary>
public sealed class KnownTypeNamesRule : AstVisitor
{
    private static readonly string[] StandardTypeNames =
        [.. Scalars.Specified.Select(s => s.Name), .. Introspection.Types.Select(t => t.Name)];

    private readonly AstValidationContext _context;
    private readonly HashSet<string> _definedTypes = new(StringComparer.Ordinal);

    // The names suggestions are made from; built on the first unknown name.
    private List<string>? _typeNames;

    public KnownTypeNamesRule(AstValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is TypeDefinitionNode type)
            {
                _definedTypes.Add(type.Name.Value);
            }
        }
    }

    // The schema's types, then those the document defines (each once), in order.
    private List<string> TypeNames()
    {
        var typeNames = new List<string>();
        if (_context.Schema is { } schema)
        {
            typeNames.AddRange(schema.TypeMap.Keys);
        }

        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in _context.Document.Definitions)
        {
            if (definition is TypeDefinitionNode type && added.Add(type.Name.Value))
            {
                typeNames.Add(type.Name.Value);
            }
        }

        return typeNames;
    }

    public override VisitAction EnterNamedType(NamedTypeNode node)
    {
        var typeName = node.Name.Value;
        if (_context.Schema?.GetType(typeName) is not null || _definedTypes.Contains(typeName))
        {
            return VisitAction.Continue;
        }

        // The top-level definition the reference is in: Ancestors[0] is the document.
        var definition = Ancestors.Count > 1 ? Ancestors[1] : Parent;
        var isSdl = definition is TypeSystemDefinitionNode or TypeSystemExtensionNode;
        if (isSdl && StandardTypeNames.Contains(typeName))
        {
            return VisitAction.Continue;
        }

        _typeNames ??= TypeNames();
        var suggestions = Suggestions.List(typeName, isSdl ? StandardTypeNames.Concat(_typeNames) : _typeNames);
        _context.ReportError(new GraphQLError($"Unknown type \"{typeName}\".{Suggestions.DidYouMean(suggestions)}", [node]));
        return VisitAction.Continue;
    }
}
