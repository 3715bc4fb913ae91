using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>
/// Values of Correct Type (spec Section 5.6.1): every literal in the document, in arguments,
/// input object fields, list items and variable defaults, must be valid for the type expected
/// where it stands. Leaf literals are judged by the scalar's or enum's own ParseLiteral, so a
/// custom scalar decides for itself (and its error message is the one reported). A @oneOf
/// input object literal must give exactly one field, and not null.
/// </summary>
public sealed class ValuesOfCorrectTypeRule(ValidationContext context) : AstVisitor
{
    public override VisitAction EnterListValue(ListValueNode node)
    {
        // The type tracker has already stepped into the item type, so the list type, if the
        // position has one, is the parent input type.
        if (context.GetParentInputType()?.GetNullableType() is not ListType)
        {
            CheckLeafValue(node);
            return VisitAction.Skip;
        }

        return VisitAction.Continue;
    }

    public override VisitAction EnterObjectValue(ObjectValueNode node)
    {
        if (context.GetInputType().GetNamedType() is not InputObjectType type)
        {
            CheckLeafValue(node);
            return VisitAction.Skip;
        }

        // Like graphql-js's Map over the fields: a repeated name counts once, the last one wins
        // (UniqueInputFieldNamesRule reports the repetition).
        var fieldNodes = new OrderedDictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
        foreach (var field in node.Fields)
        {
            fieldNodes[field.Name.Value] = field;
        }

        foreach (var fieldDef in type.Fields)
        {
            if (!fieldNodes.ContainsKey(fieldDef.Name) && fieldDef.IsRequired)
            {
                context.ReportError(new GraphQLError(
                    $"Field \"{type.Name}.{fieldDef.Name}\" of required type \"{fieldDef.Type}\" was not provided.",
                    [node]));
            }
        }

        if (type.IsOneOf)
        {
            CheckOneOf(node, type, fieldNodes);
        }

        return VisitAction.Continue;
    }

    public override VisitAction EnterObjectField(ObjectFieldNode node)
    {
        if (context.GetInputType() is null && context.GetParentInputType().GetNamedType() is InputObjectType parentType)
        {
            var suggestions = Suggestions.List(node.Name.Value, parentType.Fields.Select(f => f.Name));
            context.ReportError(new GraphQLError(
                $"Field \"{node.Name.Value}\" is not defined by type \"{parentType.Name}\"." + Suggestions.DidYouMean(suggestions),
                [node]));
        }

        return VisitAction.Continue;
    }

    public override VisitAction EnterNullValue(NullValueNode node)
    {
        if (context.GetInputType() is NonNullType type)
        {
            context.ReportError(new GraphQLError($"Expected value of type \"{type}\", found null.", [node]));
        }

        return VisitAction.Continue;
    }

    public override VisitAction EnterEnumValue(EnumValueNode node) => CheckLeafValue(node);

    public override VisitAction EnterIntValue(IntValueNode node) => CheckLeafValue(node);

    public override VisitAction EnterFloatValue(FloatValueNode node) => CheckLeafValue(node);

    public override VisitAction EnterBooleanValue(BooleanValueNode node) => CheckLeafValue(node);

    // Descriptions are string literals too, but the spec says they never affect validation.
    public override VisitAction EnterStringValue(StringValueNode node) =>
        IsDescription(node, Parent) ? VisitAction.Continue : CheckLeafValue(node);

    // A literal where a scalar or enum is expected: the type's ParseLiteral decides, and its
    // GraphQLError is the error reported; anything else is "Expected value of type".
    private VisitAction CheckLeafValue(ValueNode node)
    {
        var locationType = context.GetInputType();
        if (locationType is null)
        {
            return VisitAction.Continue;
        }

        var type = locationType.GetNamedType();
        if (type is not (ScalarType or EnumType))
        {
            ReportExpected(locationType, node, null, null);
            return VisitAction.Continue;
        }

        try
        {
            var result = type is ScalarType scalar ? scalar.ParseLiteral(node) : ((EnumType)type).ParseLiteral(node);

            // A scalar's ParseLiteral says "invalid" without an exception by returning the sentinel
            // (graphql-js: undefined).
            if (ReferenceEquals(result, ValueFromAst.Invalid))
            {
                ReportExpected(locationType, node, null, null);
            }
        }
        catch (GraphQLError error)
        {
            // Reported as thrown, as graphql-js does: the built-in scalars attach the literal.
            context.ReportError(error);
        }
        catch (Exception error)
        {
            ReportExpected(locationType, node, error.Message, error);
        }

        return VisitAction.Continue;
    }

    private void ReportExpected(GraphQLType locationType, ValueNode node, string? detail, Exception? error)
    {
        var message = $"Expected value of type \"{locationType}\", found {Printer.Print(node)}"
            + (detail is null ? "." : "; " + detail);
        context.ReportError(new GraphQLError(message, [node], originalError: error));
    }

    private void CheckOneOf(ObjectValueNode node, InputObjectType type, OrderedDictionary<string, ObjectFieldNode> fieldNodes)
    {
        if (fieldNodes.Count != 1)
        {
            context.ReportError(new GraphQLError($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", [node]));
            return;
        }

        // A nullable variable here is VariablesInAllowedPositionRule's to report (graphql-js 17).
        var (key, field) = fieldNodes.GetAt(0);
        if (field.Value is NullValueNode)
        {
            context.ReportError(new GraphQLError($"Field \"{type.Name}.{key}\" must be non-null.", [node]));
        }
    }

    private static bool IsDescription(StringValueNode node, Node? parent) => parent switch
    {
        OperationDefinitionNode operation => ReferenceEquals(operation.Description, node),
        VariableDefinitionNode variable => ReferenceEquals(variable.Description, node),
        FragmentDefinitionNode fragment => ReferenceEquals(fragment.Description, node),
        TypeDefinitionNode type => ReferenceEquals(type.Description, node),
        SchemaDefinitionNode schema => ReferenceEquals(schema.Description, node),
        FieldDefinitionNode field => ReferenceEquals(field.Description, node),
        InputValueDefinitionNode input => ReferenceEquals(input.Description, node),
        EnumValueDefinitionNode enumValue => ReferenceEquals(enumValue.Description, node),
        DirectiveDefinitionNode directive => ReferenceEquals(directive.Description, node),
        _ => false,
    };
}
