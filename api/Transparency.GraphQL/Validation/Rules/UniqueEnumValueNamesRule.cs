using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>SDL: an enum's values are unique across its definition and extensions (spec Section 3.9).</summary>
public sealed class UniqueEnumValueNamesRule(SdlValidationContext context) : AstVisitor
{
    private readonly Dictionary<string, Dictionary<string, NameNode>> _known = new(StringComparer.Ordinal);

    public override VisitAction EnterEnumTypeDefinition(EnumTypeDefinitionNode node) => Check(node.Name.Value, node.Values);

    public override VisitAction EnterEnumTypeExtension(EnumTypeExtensionNode node) => Check(node.Name.Value, node.Values);

    private VisitAction Check(string typeName, IReadOnlyList<EnumValueDefinitionNode> values)
    {
        if (!_known.TryGetValue(typeName, out var known))
        {
            known = new Dictionary<string, NameNode>(StringComparer.Ordinal);
            _known[typeName] = known;
        }

        var existing = context.Schema?.GetType(typeName) as EnumType;
        foreach (var value in values)
        {
            var name = value.Name;
            if (existing?.GetValue(name.Value) is not null)
            {
                context.ReportError(new GraphQLError(
                    $"Enum value \"{typeName}.{name.Value}\" already exists in the schema. It cannot also be defined in this type extension.",
                    [name]));
            }
            else if (known.TryGetValue(name.Value, out var first))
            {
                context.ReportError(new GraphQLError($"Enum value \"{typeName}.{name.Value}\" can only be defined once.", [first, name]));
            }
            else
            {
                known[name.Value] = name;
            }
        }

        return VisitAction.Skip;
    }
}
