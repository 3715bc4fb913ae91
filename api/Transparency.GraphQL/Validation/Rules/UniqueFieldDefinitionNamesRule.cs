using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>SDL: field names are unique per type across its definition and extensions (spec Sections 3.6, 3.10).</summary>
public sealed class UniqueFieldDefinitionNamesRule(SdlValidationContext context) : AstVisitor
{
    private readonly Dictionary<string, Dictionary<string, NameNode>> _known = new(StringComparer.Ordinal);

    public override VisitAction Enter(Node node) => node switch
    {
        ObjectTypeDefinitionNode n => Check(n.Name.Value, n.Fields.Select(f => f.Name)),
        ObjectTypeExtensionNode n => Check(n.Name.Value, n.Fields.Select(f => f.Name)),
        InterfaceTypeDefinitionNode n => Check(n.Name.Value, n.Fields.Select(f => f.Name)),
        InterfaceTypeExtensionNode n => Check(n.Name.Value, n.Fields.Select(f => f.Name)),
        InputObjectTypeDefinitionNode n => Check(n.Name.Value, n.Fields.Select(f => f.Name)),
        InputObjectTypeExtensionNode n => Check(n.Name.Value, n.Fields.Select(f => f.Name)),
        _ => VisitAction.Continue,
    };

    private VisitAction Check(string typeName, IEnumerable<NameNode> fieldNames)
    {
        if (!_known.TryGetValue(typeName, out var known))
        {
            known = new Dictionary<string, NameNode>(StringComparer.Ordinal);
            _known[typeName] = known;
        }

        var existing = context.Schema?.GetType(typeName);
        foreach (var name in fieldNames)
        {
            if (HasField(existing, name.Value))
            {
                context.ReportError(new GraphQLError(
                    $"Field \"{typeName}.{name.Value}\" already exists in the schema. It cannot also be defined in this type extension.",
                    [name]));
            }
            else if (known.TryGetValue(name.Value, out var first))
            {
                context.ReportError(new GraphQLError($"Field \"{typeName}.{name.Value}\" can only be defined once.", [first, name]));
            }
            else
            {
                known[name.Value] = name;
            }
        }

        return VisitAction.Skip;
    }

    private static bool HasField(NamedType? type, string name) => type switch
    {
        FieldsType fields => fields.GetField(name) is not null,
        InputObjectType input => input.GetField(name) is not null,
        _ => false,
    };
}
