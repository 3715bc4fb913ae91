using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>
/// Reports every use of a deprecated field, argument, input field or enum value. Not a spec
/// rule (graphql-js ships it as optional); for clients that want to move off deprecations.
/// </summary>
public sealed class NoDeprecatedCustomRule(ValidationContext context) : AstVisitor
{
    public override VisitAction EnterField(FieldNode node)
    {
        if (context.GetFieldDef() is { DeprecationReason: { } reason } fieldDef && context.GetParentType() is { } parentType)
        {
            context.ReportError(new GraphQLError($"The field {parentType.Name}.{fieldDef.Name} is deprecated. {reason}", [node]));
        }

        return VisitAction.Continue;
    }

    public override VisitAction EnterArgument(ArgumentNode node)
    {
        if (context.GetArgument() is not { DeprecationReason: { } reason } argument)
        {
            return VisitAction.Continue;
        }

        if (context.GetDirective() is { } directive)
        {
            context.ReportError(new GraphQLError(
                $"Directive \"@{directive.Name}\" argument \"{argument.Name}\" is deprecated. {reason}", [node]));
        }
        else if (context.GetParentType() is { } parentType && context.GetFieldDef() is { } fieldDef)
        {
            context.ReportError(new GraphQLError(
                $"Field \"{parentType.Name}.{fieldDef.Name}\" argument \"{argument.Name}\" is deprecated. {reason}", [node]));
        }

        return VisitAction.Continue;
    }

    public override VisitAction EnterObjectField(ObjectFieldNode node)
    {
        if (context.GetParentInputType().GetNamedType() is InputObjectType inputObject
            && inputObject.GetField(node.Name.Value) is { DeprecationReason: { } reason } inputField)
        {
            context.ReportError(new GraphQLError(
                $"The input field {inputObject.Name}.{inputField.Name} is deprecated. {reason}", [node]));
        }

        return VisitAction.Continue;
    }

    public override VisitAction EnterEnumValue(EnumValueNode node)
    {
        if (context.GetEnumValue() is { DeprecationReason: { } reason } enumValue
            && context.GetInputType().GetNamedType() is { } enumType)
        {
            context.ReportError(new GraphQLError(
                $"The enum value \"{enumType.Name}.{enumValue.Name}\" is deprecated. {reason}", [node]));
        }

        return VisitAction.Continue;
    }
}
