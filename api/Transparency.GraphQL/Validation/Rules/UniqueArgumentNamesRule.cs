using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>Argument Uniqueness (spec Section 5.4.2), on fields and directives; also an SDL rule.</summary>
public sealed class UniqueArgumentNamesRule : AstVisitor
{
    private readonly AstValidationContext _context;

    public UniqueArgumentNamesRule(AstValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    public override VisitAction EnterField(FieldNode node)
    {
        Check(node.Arguments);
        return VisitAction.Continue;
    }

    public override VisitAction EnterDirective(DirectiveNode node)
    {
        Check(node.Arguments);
        return VisitAction.Continue;
    }

    private void Check(IReadOnlyList<ArgumentNode> arguments)
    {
        if (arguments.Count < 2)
        {
            return;
        }

        foreach (var group in arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal))
        {
            var nodes = group.Select(a => (Node)a.Name).ToList();
            if (nodes.Count > 1)
            {
                _context.ReportError(new GraphQLError($"There can be only one argument named \"{group.Key}\".", nodes));
            }
        }
    }
}
