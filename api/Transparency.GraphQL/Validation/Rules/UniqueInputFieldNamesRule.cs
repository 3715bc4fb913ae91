using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>Input Object Field Uniqueness (spec Section 5.6.3); also an SDL rule (directive arguments).</summary>
public sealed class UniqueInputFieldNamesRule : AstVisitor
{
    private readonly AstValidationContext _context;
    private readonly Stack<Dictionary<string, NameNode>> _outer = new();
    private Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public UniqueInputFieldNamesRule(AstValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    public override VisitAction EnterObjectValue(ObjectValueNode node)
    {
        _outer.Push(_known);
        _known = new Dictionary<string, NameNode>(StringComparer.Ordinal);
        return VisitAction.Continue;
    }

    public override VisitAction LeaveObjectValue(ObjectValueNode node)
    {
        _known = _outer.Pop();
        return VisitAction.Continue;
    }

    public override VisitAction EnterObjectField(ObjectFieldNode node)
    {
        var name = node.Name.Value;
        if (_known.TryGetValue(name, out var first))
        {
            _context.ReportError(new GraphQLError($"There can be only one input field named \"{name}\".", [first, node.Name]));
        }
        else
        {
            _known[name] = node.Name;
        }

        return VisitAction.Continue;
    }
}
