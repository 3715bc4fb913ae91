using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Utilities;

/// <summary>
/// Tracks, during a walk of an executable document, the schema elements at the current node:
/// the output type, the parent composite type, the field definition, the input type, the
/// argument, the enum value, the directive (graphql-js utilities/TypeInfo). Pass it as the
/// hook of AstWalker.Walk so it is updated before a visitor's Enter and after its Leave.
/// Unknown names leave null on the stacks, so rules can report them and walk on.
/// </summary>
public sealed class TypeInfo : IAstWalkHook
{
    private readonly GraphQLSchema _schema;
    private readonly List<GraphQLType?> _typeStack = [];
    private readonly List<NamedType?> _parentTypeStack = [];
    private readonly List<GraphQLType?> _inputTypeStack = [];
    private readonly List<FieldDefinition?> _fieldDefStack = [];
    private readonly List<InputValueDefinition?> _defaultValueStack = [];

    /// <param name="schema">The schema the document is read against.</param>
    /// <param name="initialType">For a walk that starts below the document: the type at its root.</param>
    public TypeInfo(GraphQLSchema schema, GraphQLType? initialType = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _schema = schema;
        if (initialType is not null)
        {
            if (initialType.IsInputType())
            {
                _inputTypeStack.Add(initialType);
            }

            if (initialType.GetNamedType() is { } named && named.IsCompositeType())
            {
                _parentTypeStack.Add(named);
            }

            if (initialType.IsOutputType())
            {
                _typeStack.Add(initialType);
            }
        }
    }

    /// <summary>The output type at the current node (a field's type, a fragment's condition).</summary>
    public GraphQLType? Type => Peek(_typeStack);

    /// <summary>The composite type whose selection set holds the current node.</summary>
    public NamedType? ParentType => Peek(_parentTypeStack);

    /// <summary>The input type expected at the current argument, variable definition or value.</summary>
    public GraphQLType? InputType => Peek(_inputTypeStack);

    /// <summary>The input type one level up (the list or input object around the current value).</summary>
    public GraphQLType? ParentInputType => _inputTypeStack.Count > 1 ? _inputTypeStack[^2] : null;

    public FieldDefinition? FieldDef => Peek(_fieldDefStack);

    /// <summary>
    /// The argument or input field whose default applies at the current value, if any
    /// (graphql-js getDefaultValue returns its default; here the definition, so "has a
    /// default" and "default is null" stay apart: see HasDefaultValue).
    /// </summary>
    public InputValueDefinition? DefaultValueSource => Peek(_defaultValueStack);

    /// <summary>Whether the current position has a default value (VariablesInAllowedPosition needs it).</summary>
    public bool HasDefaultValue => DefaultValueSource?.HasDefault == true;

    public DirectiveDefinition? Directive { get; private set; }

    public InputValueDefinition? Argument { get; private set; }

    public EnumValueDefinition? EnumValue { get; private set; }

    /// <summary>
    /// The definition of the field a node selects on parentType, including the meta fields
    /// __schema and __type (query root only) and __typename (any composite type).
    /// </summary>
    public static FieldDefinition? GetFieldDef(GraphQLSchema schema, NamedType parentType, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(fieldName);
        if (fieldName.Length > 2 && fieldName[0] == '_' && fieldName[1] == '_')
        {
            if (fieldName == Introspection.SchemaMetaField.Name && ReferenceEquals(schema.QueryType, parentType))
            {
                return Introspection.SchemaMetaField;
            }

            if (fieldName == Introspection.TypeMetaField.Name && ReferenceEquals(schema.QueryType, parentType))
            {
                return Introspection.TypeMetaField;
            }

            if (fieldName == Introspection.TypeNameMetaField.Name && parentType.IsCompositeType())
            {
                return Introspection.TypeNameMetaField;
            }
        }

        return (parentType as FieldsType)?.GetField(fieldName);
    }

    public void Enter(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node)
        {
            case SelectionSetNode:
                var named = Type.GetNamedType();
                _parentTypeStack.Add(named.IsCompositeType() ? named : null);
                break;

            case FieldNode field:
                FieldDefinition? fieldDef = null;
                if (ParentType is { } parent)
                {
                    fieldDef = GetFieldDef(_schema, parent, field.Name.Value);
                }

                _fieldDefStack.Add(fieldDef);
                _typeStack.Add(fieldDef?.Type is { } fieldType && fieldType.IsOutputType() ? fieldType : null);
                break;

            case DirectiveNode directive:
                Directive = _schema.GetDirective(directive.Name.Value);
                break;

            case OperationDefinitionNode operation:
                _typeStack.Add(_schema.GetRootType(operation.Operation));
                break;

            case InlineFragmentNode inline:
                var inlineType = inline.TypeCondition is { } condition ? TypeFromAst.Convert(_schema, condition) : Type.GetNamedType();
                _typeStack.Add(inlineType.IsOutputType() ? inlineType : null);
                break;

            case FragmentDefinitionNode fragment:
                var fragmentType = TypeFromAst.Convert(_schema, fragment.TypeCondition);
                _typeStack.Add(fragmentType.IsOutputType() ? fragmentType : null);
                break;

            case VariableDefinitionNode variable:
                var variableType = TypeFromAst.Convert(_schema, variable.Type);
                _inputTypeStack.Add(variableType.IsInputType() ? variableType : null);
                break;

            case ArgumentNode argument:
                InputValueDefinition? argumentDef = null;
                if (Directive is { } currentDirective)
                {
                    argumentDef = currentDirective.GetArgument(argument.Name.Value);
                }
                else if (FieldDef is { } currentField)
                {
                    argumentDef = currentField.GetArgument(argument.Name.Value);
                }

                Argument = argumentDef;
                _defaultValueStack.Add(argumentDef);
                _inputTypeStack.Add(argumentDef?.Type is { } argumentType && argumentType.IsInputType() ? argumentType : null);
                break;

            case ListValueNode:
                var listType = InputType?.GetNullableType();
                var itemType = listType is ListType list ? list.OfType : listType;
                _defaultValueStack.Add(null);
                _inputTypeStack.Add(itemType.IsInputType() ? itemType : null);
                break;

            case ObjectFieldNode objectField:
                InputValueDefinition? inputField = null;
                if (InputType.GetNamedType() is InputObjectType inputObject)
                {
                    inputField = inputObject.GetField(objectField.Name.Value);
                }

                _defaultValueStack.Add(inputField);
                _inputTypeStack.Add(inputField?.Type is { } inputFieldType && inputFieldType.IsInputType() ? inputFieldType : null);
                break;

            case EnumValueNode enumValue:
                EnumValue = InputType.GetNamedType() is EnumType enumType ? enumType.GetValue(enumValue.Value) : null;
                break;
        }
    }

    public void Leave(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node)
        {
            case SelectionSetNode:
                Pop(_parentTypeStack);
                break;
            case FieldNode:
                Pop(_fieldDefStack);
                Pop(_typeStack);
                break;
            case DirectiveNode:
                Directive = null;
                break;
            case OperationDefinitionNode or InlineFragmentNode or FragmentDefinitionNode:
                Pop(_typeStack);
                break;
            case VariableDefinitionNode:
                Pop(_inputTypeStack);
                break;
            case ArgumentNode:
                Argument = null;
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case ListValueNode or ObjectFieldNode:
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case EnumValueNode:
                EnumValue = null;
                break;
        }
    }

    private static T? Peek<T>(List<T?> stack)
        where T : class => stack.Count == 0 ? null : stack[^1];

    private static void Pop<T>(List<T> stack)
    {
        if (stack.Count > 0)
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }
}
