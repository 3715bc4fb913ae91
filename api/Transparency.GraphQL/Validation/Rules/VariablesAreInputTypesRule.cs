using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Validation.Rules;

/// <summary>Variables Are Input Types (spec Section 5.8.2). Unknown types are KnownTypeNamesRule's error.</summary>
public sealed class VariablesAreInputTypesRule(ValidationContext context) : AstVisitor
{
    public override VisitAction EnterVariableDefinition(VariableDefinitionNode node)
    {
        var type = TypeFromAst.Convert(context.Schema, node.Type);
        if (type is not null && !type.IsInputType())
        {
            context.ReportError(new GraphQLError(
                $"Variable \"${node.Variable.Name.Value}\" cannot be non-input type \"{Printer.Print(node.Type)}\".",
                [node.Type]));
        }

        return VisitAction.Continue;
    }
}
