using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>
/// Required Arguments (spec Section 5.4.2.1): every argument of non-null type without a
/// default must be given, on fields and on directives.
/// </summary>
public sealed class ProvidedRequiredArgumentsRule(ValidationContext context) : AstVisitor
{
    private readonly ProvidedRequiredArgumentsOnDirectivesRule _directives = new(context);

    public override VisitAction LeaveField(FieldNode node)
    {
        if (context.GetFieldDef() is not { } fieldDef)
        {
            return VisitAction.Continue;
        }

        HashSet<string>? provided = null;
        foreach (var argumentDef in fieldDef.Arguments)
        {
            if (!argumentDef.IsRequired)
            {
                continue;
            }

            provided ??= [.. node.Arguments.Select(a => a.Name.Value)];
            if (!provided.Contains(argumentDef.Name))
            {
                context.ReportError(new GraphQLError(
                    $"Field \"{fieldDef.Name}\" argument \"{argumentDef.Name}\" of type \"{argumentDef.Type}\" is required, but it was not provided.",
                    [node]));
            }
        }

        return VisitAction.Continue;
    }

    public override VisitAction LeaveDirective(DirectiveNode node) => _directives.LeaveDirective(node);
}

/// <summary>
/// The directive half of <see cref="ProvidedRequiredArgumentsRule"/>, which also runs over type
/// system documents (graphql-js's ProvidedRequiredArgumentsOnDirectivesRule): the directives
/// known are the schema's (or the specified ones, with no schema) and those the document defines.
/// </summary>
public sealed class ProvidedRequiredArgumentsOnDirectivesRule : AstVisitor
{
    private readonly AstValidationContext _context;

    // Per directive name: its required arguments by name, each with its type as the message prints it.
    // Built on the first directive the walk meets: most documents use none.
    private Dictionary<string, OrderedDictionary<string, string>>? _requiredArguments;

    public ProvidedRequiredArgumentsOnDirectivesRule(AstValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    public override VisitAction LeaveDirective(DirectiveNode node)
    {
        var name = node.Name.Value;
        if (!(_requiredArguments ??= RequiredArguments(_context)).TryGetValue(name, out var required) || required.Count == 0)
        {
            return VisitAction.Continue;
        }

        var provided = node.Arguments.Select(a => a.Name.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var (argumentName, type) in required)
        {
            if (!provided.Contains(argumentName))
            {
                _context.ReportError(new GraphQLError(
                    $"Directive \"@{name}\" argument \"{argumentName}\" of type \"{type}\" is required, but it was not provided.",
                    [node]));
            }
        }

        return VisitAction.Continue;
    }

    private static Dictionary<string, OrderedDictionary<string, string>> RequiredArguments(AstValidationContext context)
    {
        var required = new Dictionary<string, OrderedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var directive in context.Schema?.Directives ?? Directives.Specified)
        {
            required[directive.Name] = ByName(directive.Arguments
                .Where(a => a.IsRequired)
                .Select(a => (a.Name, a.Type.ToString())));
        }

        // A directive defined in the document replaces a known one of the same name.
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                required[directive.Name.Value] = ByName(directive.Arguments
                    .Where(a => a.Type is NonNullTypeNode && a.DefaultValue is null)
                    .Select(a => (a.Name.Value, Printer.Print(a.Type))));
            }
        }

        return required;
    }

    // An argument defined twice counts once, with its last type (UniqueArgumentDefinitionNamesRule reports it).
    private static OrderedDictionary<string, string> ByName(IEnumerable<(string Name, string Type)> arguments)
    {
        var byName = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, type) in arguments)
        {
            byName[name] = type;
        }

        return byName;
    }
}
