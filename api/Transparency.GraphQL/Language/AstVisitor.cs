namespace Transparency.GraphQL.Language;

/// <summary>What a visitor tells the walk after seeing a node (graphql-js: undefined, false, BREAK).</summary>
public enum VisitAction
{
    /// <summary>Go on into the node's children.</summary>
    Continue,

    /// <summary>Do not visit this node's children, nor call Leave for it.</summary>
    Skip,

    /// <summary>End the whole walk now; no further Enter or Leave is called.</summary>
    Break,
}

/// <summary>
/// Typed visitor over the AST: override Enter/Leave for the node kinds of interest
/// (EnterField, LeaveOperationDefinition, ...), or Enter(Node)/Leave(Node) to see every node.
/// Walk it with <see cref="AstWalker"/>; run several in one walk with <see cref="ParallelVisitor"/>.
/// </summary>
public abstract class AstVisitor
{
    /// <summary>
    /// The nodes above the current one, root first; the parent is the last. Unlike graphql-js's
    /// ancestors, it holds nodes only, never the arrays between them.
    /// </summary>
    public IReadOnlyList<Node> Ancestors { get; private set; } = [];

    /// <summary>The current node's parent, or null at the root.</summary>
    public Node? Parent => Ancestors.Count == 0 ? null : Ancestors[^1];

    /// <summary>Called by the walk before the first node; a composite visitor passes it on.</summary>
    protected internal virtual void Attach(IReadOnlyList<Node> ancestors) => Ancestors = ancestors;

    /// <summary>Called on entering every node; by default dispatches to the typed Enter method.</summary>
    public virtual VisitAction Enter(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Kind switch
        {
            NodeKind.Name => EnterName((NameNode)node),
            NodeKind.Document => EnterDocument((DocumentNode)node),
            NodeKind.OperationDefinition => EnterOperationDefinition((OperationDefinitionNode)node),
            NodeKind.VariableDefinition => EnterVariableDefinition((VariableDefinitionNode)node),
            NodeKind.Variable => EnterVariable((VariableNode)node),
            NodeKind.SelectionSet => EnterSelectionSet((SelectionSetNode)node),
            NodeKind.Field => EnterField((FieldNode)node),
            NodeKind.Argument => EnterArgument((ArgumentNode)node),
            NodeKind.FragmentSpread => EnterFragmentSpread((FragmentSpreadNode)node),
            NodeKind.InlineFragment => EnterInlineFragment((InlineFragmentNode)node),
            NodeKind.FragmentDefinition => EnterFragmentDefinition((FragmentDefinitionNode)node),
            NodeKind.IntValue => EnterIntValue((IntValueNode)node),
            NodeKind.FloatValue => EnterFloatValue((FloatValueNode)node),
            NodeKind.StringValue => EnterStringValue((StringValueNode)node),
            NodeKind.BooleanValue => EnterBooleanValue((BooleanValueNode)node),
            NodeKind.NullValue => EnterNullValue((NullValueNode)node),
            NodeKind.EnumValue => EnterEnumValue((EnumValueNode)node),
            NodeKind.ListValue => EnterListValue((ListValueNode)node),
            NodeKind.ObjectValue => EnterObjectValue((ObjectValueNode)node),
            NodeKind.ObjectField => EnterObjectField((ObjectFieldNode)node),
            NodeKind.Directive => EnterDirective((DirectiveNode)node),
            NodeKind.NamedType => EnterNamedType((NamedTypeNode)node),
            NodeKind.ListType => EnterListType((ListTypeNode)node),
            NodeKind.NonNullType => EnterNonNullType((NonNullTypeNode)node),
            NodeKind.SchemaDefinition => EnterSchemaDefinition((SchemaDefinitionNode)node),
            NodeKind.OperationTypeDefinition => EnterOperationTypeDefinition((OperationTypeDefinitionNode)node),
            NodeKind.ScalarTypeDefinition => EnterScalarTypeDefinition((ScalarTypeDefinitionNode)node),
            NodeKind.ObjectTypeDefinition => EnterObjectTypeDefinition((ObjectTypeDefinitionNode)node),
            NodeKind.FieldDefinition => EnterFieldDefinition((FieldDefinitionNode)node),
            NodeKind.InputValueDefinition => EnterInputValueDefinition((InputValueDefinitionNode)node),
            NodeKind.InterfaceTypeDefinition => EnterInterfaceTypeDefinition((InterfaceTypeDefinitionNode)node),
            NodeKind.UnionTypeDefinition => EnterUnionTypeDefinition((UnionTypeDefinitionNode)node),
            NodeKind.EnumTypeDefinition => EnterEnumTypeDefinition((EnumTypeDefinitionNode)node),
            NodeKind.EnumValueDefinition => EnterEnumValueDefinition((EnumValueDefinitionNode)node),
            NodeKind.InputObjectTypeDefinition => EnterInputObjectTypeDefinition((InputObjectTypeDefinitionNode)node),
            NodeKind.DirectiveDefinition => EnterDirectiveDefinition((DirectiveDefinitionNode)node),
            NodeKind.SchemaExtension => EnterSchemaExtension((SchemaExtensionNode)node),
            NodeKind.ScalarTypeExtension => EnterScalarTypeExtension((ScalarTypeExtensionNode)node),
            NodeKind.ObjectTypeExtension => EnterObjectTypeExtension((ObjectTypeExtensionNode)node),
            NodeKind.InterfaceTypeExtension => EnterInterfaceTypeExtension((InterfaceTypeExtensionNode)node),
            NodeKind.UnionTypeExtension => EnterUnionTypeExtension((UnionTypeExtensionNode)node),
            NodeKind.EnumTypeExtension => EnterEnumTypeExtension((EnumTypeExtensionNode)node),
            NodeKind.InputObjectTypeExtension => EnterInputObjectTypeExtension((InputObjectTypeExtensionNode)node),
            NodeKind.DirectiveExtension => EnterDirectiveExtension((DirectiveExtensionNode)node),
            NodeKind.TypeCoordinate => EnterTypeCoordinate((TypeCoordinateNode)node),
            NodeKind.MemberCoordinate => EnterMemberCoordinate((MemberCoordinateNode)node),
            NodeKind.ArgumentCoordinate => EnterArgumentCoordinate((ArgumentCoordinateNode)node),
            NodeKind.DirectiveCoordinate => EnterDirectiveCoordinate((DirectiveCoordinateNode)node),
            NodeKind.DirectiveArgumentCoordinate => EnterDirectiveArgumentCoordinate((DirectiveArgumentCoordinateNode)node),
            _ => VisitAction.Continue,
        };
    }

    /// <summary>Called on leaving every node whose Enter did not skip; dispatches to the typed Leave method.</summary>
    public virtual VisitAction Leave(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Kind switch
        {
            NodeKind.Name => LeaveName((NameNode)node),
            NodeKind.Document => LeaveDocument((DocumentNode)node),
            NodeKind.OperationDefinition => LeaveOperationDefinition((OperationDefinitionNode)node),
            NodeKind.VariableDefinition => LeaveVariableDefinition((VariableDefinitionNode)node),
            NodeKind.Variable => LeaveVariable((VariableNode)node),
            NodeKind.SelectionSet => LeaveSelectionSet((SelectionSetNode)node),
            NodeKind.Field => LeaveField((FieldNode)node),
            NodeKind.Argument => LeaveArgument((ArgumentNode)node),
            NodeKind.FragmentSpread => LeaveFragmentSpread((FragmentSpreadNode)node),
            NodeKind.InlineFragment => LeaveInlineFragment((InlineFragmentNode)node),
            NodeKind.FragmentDefinition => LeaveFragmentDefinition((FragmentDefinitionNode)node),
            NodeKind.IntValue => LeaveIntValue((IntValueNode)node),
            NodeKind.FloatValue => LeaveFloatValue((FloatValueNode)node),
            NodeKind.StringValue => LeaveStringValue((StringValueNode)node),
            NodeKind.BooleanValue => LeaveBooleanValue((BooleanValueNode)node),
            NodeKind.NullValue => LeaveNullValue((NullValueNode)node),
            NodeKind.EnumValue => LeaveEnumValue((EnumValueNode)node),
            NodeKind.ListValue => LeaveListValue((ListValueNode)node),
            NodeKind.ObjectValue => LeaveObjectValue((ObjectValueNode)node),
            NodeKind.ObjectField => LeaveObjectField((ObjectFieldNode)node),
            NodeKind.Directive => LeaveDirective((DirectiveNode)node),
            NodeKind.NamedType => LeaveNamedType((NamedTypeNode)node),
            NodeKind.ListType => LeaveListType((ListTypeNode)node),
            NodeKind.NonNullType => LeaveNonNullType((NonNullTypeNode)node),
            NodeKind.SchemaDefinition => LeaveSchemaDefinition((SchemaDefinitionNode)node),
            NodeKind.OperationTypeDefinition => LeaveOperationTypeDefinition((OperationTypeDefinitionNode)node),
            NodeKind.ScalarTypeDefinition => LeaveScalarTypeDefinition((ScalarTypeDefinitionNode)node),
            NodeKind.ObjectTypeDefinition => LeaveObjectTypeDefinition((ObjectTypeDefinitionNode)node),
            NodeKind.FieldDefinition => LeaveFieldDefinition((FieldDefinitionNode)node),
            NodeKind.InputValueDefinition => LeaveInputValueDefinition((InputValueDefinitionNode)node),
            NodeKind.InterfaceTypeDefinition => LeaveInterfaceTypeDefinition((InterfaceTypeDefinitionNode)node),
            NodeKind.UnionTypeDefinition => LeaveUnionTypeDefinition((UnionTypeDefinitionNode)node),
            NodeKind.EnumTypeDefinition => LeaveEnumTypeDefinition((EnumTypeDefinitionNode)node),
            NodeKind.EnumValueDefinition => LeaveEnumValueDefinition((EnumValueDefinitionNode)node),
            NodeKind.InputObjectTypeDefinition => LeaveInputObjectTypeDefinition((InputObjectTypeDefinitionNode)node),
            NodeKind.DirectiveDefinition => LeaveDirectiveDefinition((DirectiveDefinitionNode)node),
            NodeKind.SchemaExtension => LeaveSchemaExtension((SchemaExtensionNode)node),
            NodeKind.ScalarTypeExtension => LeaveScalarTypeExtension((ScalarTypeExtensionNode)node),
            NodeKind.ObjectTypeExtension => LeaveObjectTypeExtension((ObjectTypeExtensionNode)node),
            NodeKind.InterfaceTypeExtension => LeaveInterfaceTypeExtension((InterfaceTypeExtensionNode)node),
            NodeKind.UnionTypeExtension => LeaveUnionTypeExtension((UnionTypeExtensionNode)node),
            NodeKind.EnumTypeExtension => LeaveEnumTypeExtension((EnumTypeExtensionNode)node),
            NodeKind.InputObjectTypeExtension => LeaveInputObjectTypeExtension((InputObjectTypeExtensionNode)node),
            NodeKind.DirectiveExtension => LeaveDirectiveExtension((DirectiveExtensionNode)node),
            NodeKind.TypeCoordinate => LeaveTypeCoordinate((TypeCoordinateNode)node),
            NodeKind.MemberCoordinate => LeaveMemberCoordinate((MemberCoordinateNode)node),
            NodeKind.ArgumentCoordinate => LeaveArgumentCoordinate((ArgumentCoordinateNode)node),
            NodeKind.DirectiveCoordinate => LeaveDirectiveCoordinate((DirectiveCoordinateNode)node),
            NodeKind.DirectiveArgumentCoordinate => LeaveDirectiveArgumentCoordinate((DirectiveArgumentCoordinateNode)node),
            _ => VisitAction.Continue,
        };
    }

    public virtual VisitAction EnterName(NameNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveName(NameNode node) => VisitAction.Continue;

    public virtual VisitAction EnterDocument(DocumentNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveDocument(DocumentNode node) => VisitAction.Continue;

    public virtual VisitAction EnterOperationDefinition(OperationDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveOperationDefinition(OperationDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterVariableDefinition(VariableDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveVariableDefinition(VariableDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterVariable(VariableNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveVariable(VariableNode node) => VisitAction.Continue;

    public virtual VisitAction EnterSelectionSet(SelectionSetNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveSelectionSet(SelectionSetNode node) => VisitAction.Continue;

    public virtual VisitAction EnterField(FieldNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveField(FieldNode node) => VisitAction.Continue;

    public virtual VisitAction EnterArgument(ArgumentNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveArgument(ArgumentNode node) => VisitAction.Continue;

    public virtual VisitAction EnterFragmentSpread(FragmentSpreadNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveFragmentSpread(FragmentSpreadNode node) => VisitAction.Continue;

    public virtual VisitAction EnterInlineFragment(InlineFragmentNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveInlineFragment(InlineFragmentNode node) => VisitAction.Continue;

    public virtual VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveFragmentDefinition(FragmentDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterIntValue(IntValueNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveIntValue(IntValueNode node) => VisitAction.Continue;

    public virtual VisitAction EnterFloatValue(FloatValueNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveFloatValue(FloatValueNode node) => VisitAction.Continue;

    public virtual VisitAction EnterStringValue(StringValueNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveStringValue(StringValueNode node) => VisitAction.Continue;

    public virtual VisitAction EnterBooleanValue(BooleanValueNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveBooleanValue(BooleanValueNode node) => VisitAction.Continue;

    public virtual VisitAction EnterNullValue(NullValueNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveNullValue(NullValueNode node) => VisitAction.Continue;

    public virtual VisitAction EnterEnumValue(EnumValueNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveEnumValue(EnumValueNode node) => VisitAction.Continue;

    public virtual VisitAction EnterListValue(ListValueNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveListValue(ListValueNode node) => VisitAction.Continue;

    public virtual VisitAction EnterObjectValue(ObjectValueNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveObjectValue(ObjectValueNode node) => VisitAction.Continue;

    public virtual VisitAction EnterObjectField(ObjectFieldNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveObjectField(ObjectFieldNode node) => VisitAction.Continue;

    public virtual VisitAction EnterDirective(DirectiveNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveDirective(DirectiveNode node) => VisitAction.Continue;

    public virtual VisitAction EnterNamedType(NamedTypeNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveNamedType(NamedTypeNode node) => VisitAction.Continue;

    public virtual VisitAction EnterListType(ListTypeNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveListType(ListTypeNode node) => VisitAction.Continue;

    public virtual VisitAction EnterNonNullType(NonNullTypeNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveNonNullType(NonNullTypeNode node) => VisitAction.Continue;

    public virtual VisitAction EnterSchemaDefinition(SchemaDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveSchemaDefinition(SchemaDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterOperationTypeDefinition(OperationTypeDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveOperationTypeDefinition(OperationTypeDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterScalarTypeDefinition(ScalarTypeDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveScalarTypeDefinition(ScalarTypeDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterObjectTypeDefinition(ObjectTypeDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveObjectTypeDefinition(ObjectTypeDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterFieldDefinition(FieldDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveFieldDefinition(FieldDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterInputValueDefinition(InputValueDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveInputValueDefinition(InputValueDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterInterfaceTypeDefinition(InterfaceTypeDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveInterfaceTypeDefinition(InterfaceTypeDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterUnionTypeDefinition(UnionTypeDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveUnionTypeDefinition(UnionTypeDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterEnumTypeDefinition(EnumTypeDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveEnumTypeDefinition(EnumTypeDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterEnumValueDefinition(EnumValueDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveEnumValueDefinition(EnumValueDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterInputObjectTypeDefinition(InputObjectTypeDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveInputObjectTypeDefinition(InputObjectTypeDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterDirectiveDefinition(DirectiveDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveDirectiveDefinition(DirectiveDefinitionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterSchemaExtension(SchemaExtensionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveSchemaExtension(SchemaExtensionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterScalarTypeExtension(ScalarTypeExtensionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveScalarTypeExtension(ScalarTypeExtensionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterObjectTypeExtension(ObjectTypeExtensionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveObjectTypeExtension(ObjectTypeExtensionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterInterfaceTypeExtension(InterfaceTypeExtensionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveInterfaceTypeExtension(InterfaceTypeExtensionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterUnionTypeExtension(UnionTypeExtensionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveUnionTypeExtension(UnionTypeExtensionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterEnumTypeExtension(EnumTypeExtensionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveEnumTypeExtension(EnumTypeExtensionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterInputObjectTypeExtension(InputObjectTypeExtensionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveInputObjectTypeExtension(InputObjectTypeExtensionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterDirectiveExtension(DirectiveExtensionNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveDirectiveExtension(DirectiveExtensionNode node) => VisitAction.Continue;

    public virtual VisitAction EnterTypeCoordinate(TypeCoordinateNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveTypeCoordinate(TypeCoordinateNode node) => VisitAction.Continue;

    public virtual VisitAction EnterMemberCoordinate(MemberCoordinateNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveMemberCoordinate(MemberCoordinateNode node) => VisitAction.Continue;

    public virtual VisitAction EnterArgumentCoordinate(ArgumentCoordinateNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveArgumentCoordinate(ArgumentCoordinateNode node) => VisitAction.Continue;

    public virtual VisitAction EnterDirectiveCoordinate(DirectiveCoordinateNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveDirectiveCoordinate(DirectiveCoordinateNode node) => VisitAction.Continue;

    public virtual VisitAction EnterDirectiveArgumentCoordinate(DirectiveArgumentCoordinateNode node) => VisitAction.Continue;

    public virtual VisitAction LeaveDirectiveArgumentCoordinate(DirectiveArgumentCoordinateNode node) => VisitAction.Continue;
}
