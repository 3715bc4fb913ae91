using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>Argument Names (spec Section 5.4.1): every argument is defined by its field or directive.</summary>
public sealed class KnownArgumentNamesRule(ValidationContext context) : AstVisitor
{
    private readonly KnownArgumentNamesOnDirectivesRule _directives = new(context);

    public override VisitAction EnterDirective(DirectiveNode node) => _directives.EnterDirective(node);

    public override VisitAction EnterArgument(ArgumentNode node)
    {
        if (context.GetArgument() is null && context.GetFieldDef() is { } fieldDef && context.GetParentType() is { } parentType)
        {
            var name = node.Name.Value;
            var suggestions = Suggestions.List(name, fieldDef.Arguments.Select(a => a.Name));
            context.ReportError(new GraphQLError(
                $"Unknown argument \"{name}\" on field \"{parentType.Name}.{fieldDef.Name}\".{Suggestions.DidYouMean(suggestions)}",
                [node]));
        }

        return VisitAction.Continue;
    }
}

/// <summary>The directive half of KnownArgumentNamesRule, also an SDL rule (directives defined in the document count).</summary>
public sealed class KnownArgumentNamesOnDirectivesRule : AstVisitor
{
    private readonly AstValidationContext _context;

    // Per directive name: its argument names. Built on the first directive the walk meets:
    // most documents use none.
    private Dictionary<string, string[]>? _directiveArguments;

    public KnownArgumentNamesOnDirectivesRule(AstValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    private static Dictionary<string, string[]> DirectiveArguments(AstValidationContext context)
    {
        var directiveArguments = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var directive in context.Schema?.Directives ?? Directives.Specified)
        {
            directiveArguments[directive.Name] = [.. directive.Arguments.Select(a => a.Name)];
        }

        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                directiveArguments[directive.Name.Value] = [.. directive.Arguments.Select(a => a.Name.Value)];
            }
        }

        return directiveArguments;
    }

    public override VisitAction EnterDirective(DirectiveNode node)
    {
        var directiveName = node.Name.Value;
        if ((_directiveArguments ??= DirectiveArguments(_context)).TryGetValue(directiveName, out var known))
        {
            foreach (var argument in node.Arguments)
            {
                var name = argument.Name.Value;
                if (!known.Contains(name))
                {
                    var suggestions = Suggestions.List(name, known);
                    _context.ReportError(new GraphQLError(
                        $"Unknown argument \"{name}\" on directive \"@{directiveName}\".{Suggestions.DidYouMean(suggestions)}",
                        [argument]));
                }
            }
        }

        return VisitAction.Skip;
    }
}
