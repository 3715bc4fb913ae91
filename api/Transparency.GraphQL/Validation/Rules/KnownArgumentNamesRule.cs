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
    private readonly Dictionary<string, string[]> _directiveArguments = new(StringComparer.Ordinal);

    public KnownArgumentNamesOnDirectivesRule(AstValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        foreach (var directive in context.Schema?.Directives ?? Directives.Specified)
        {
            _directiveArguments[directive.Name] = [.. directive.Arguments.Select(a => a.Name)];
        }

        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                _directiveArguments[directive.Name.Value] = [.. directive.Arguments.Select(a => a.Name.Value)];
            }
        }
    }

    public override VisitAction EnterDirective(DirectiveNode node)
    {
        var directiveName = node.Name.Value;
        if (_directiveArguments.TryGetValue(directiveName, out var known))
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
