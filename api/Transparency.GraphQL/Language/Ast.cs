using System.Runtime.CompilerServices;

namespace Transparency.GraphQL.Language;

// The syntax tree of a GraphQL document, one sealed record per node kind of graphql-js's
// src/language/ast.ts (and of the spec's grammar, Sections 2 and 3). The Node suffix keeps
// these apart from the type system's names (ObjectType vs ObjectTypeDefinitionNode).
//
// Child lists are never null: an absent list is empty. Nodes compare by identity, not by
// value: validation and execution key caches by node (as graphql-js keys Maps by object), and
// a record's synthesized hash would walk the whole subtree. Compare trees by printing them.

/// <summary>The kind of an AST node; names follow graphql-js's Kind enum.</summary>
public enum NodeKind
{
    Name,
    Document,
    OperationDefinition,
    VariableDefinition,
    SelectionSet,
    Field,
    Argument,
    FragmentSpread,
    InlineFragment,
    FragmentDefinition,
    Variable,
    IntValue,
    FloatValue,
    StringValue,
    BooleanValue,
    NullValue,
    EnumValue,
    ListValue,
    ObjectValue,
    ObjectField,
    Directive,
    NamedType,
    ListType,
    NonNullType,
    SchemaDefinition,
    OperationTypeDefinition,
    ScalarTypeDefinition,
    ObjectTypeDefinition,
    FieldDefinition,
    InputValueDefinition,
    InterfaceTypeDefinition,
    UnionTypeDefinition,
    EnumTypeDefinition,
    EnumValueDefinition,
    InputObjectTypeDefinition,
    DirectiveDefinition,
    SchemaExtension,
    ScalarTypeExtension,
    ObjectTypeExtension,
    InterfaceTypeExtension,
    UnionTypeExtension,
    EnumTypeExtension,
    InputObjectTypeExtension,
    DirectiveExtension,
    TypeCoordinate,
    MemberCoordinate,
    ArgumentCoordinate,
    DirectiveCoordinate,
    DirectiveArgumentCoordinate,
}

/// <summary>The three operation types of the spec (Section 2.3).</summary>
public enum OperationType
{
    Query,
    Mutation,
    Subscription,
}

/// <summary>
/// Where a node was in its source: character offsets [Start, End) into Source.Body.
/// A struct, so a node without location costs nothing.
/// </summary>
public readonly record struct Location(int Start, int End, Source Source)
{
    /// <summary>Line and column (1-based) of Start.</summary>
    public SourceLocation StartLocation => Source.GetLocation(Start);
}

/// <summary>Base of every AST node.</summary>
public abstract record Node
{
    public abstract NodeKind Kind { get; }

    /// <summary>Absent when parsed with ParseOptions.NoLocation or built by hand.</summary>
    public Location? Loc { get; init; }
}

public sealed record NameNode(string Value) : Node
{
    public override NodeKind Kind => NodeKind.Name;

    public bool Equals(NameNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

// Document

public sealed record DocumentNode(IReadOnlyList<DefinitionNode> Definitions) : Node
{
    public override NodeKind Kind => NodeKind.Document;

    public bool Equals(DocumentNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    /// <summary>Number of lexical tokens the parser read (0 when built by hand).</summary>
    public int TokenCount { get; init; }
}

public abstract record DefinitionNode : Node;

public abstract record ExecutableDefinitionNode : DefinitionNode
{
    public abstract IReadOnlyList<DirectiveNode> Directives { get; init; }

    public abstract SelectionSetNode SelectionSet { get; init; }
}

/// <summary>
/// An operation. Name is null for an anonymous operation; Description is allowed on
/// executable definitions since the September 2025 edition (Section 2.3).
/// </summary>
public sealed record OperationDefinitionNode(
    OperationType Operation,
    NameNode? Name,
    IReadOnlyList<VariableDefinitionNode> VariableDefinitions,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet,
    StringValueNode? Description = null) : ExecutableDefinitionNode
{
    public override NodeKind Kind => NodeKind.OperationDefinition;

    public bool Equals(OperationDefinitionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;

    public override SelectionSetNode SelectionSet { get; init; } = SelectionSet;
}

public sealed record VariableDefinitionNode(
    VariableNode Variable,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives,
    StringValueNode? Description = null) : Node
{
    public override NodeKind Kind => NodeKind.VariableDefinition;

    public bool Equals(VariableDefinitionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record VariableNode(NameNode Name) : ValueNode
{
    public override NodeKind Kind => NodeKind.Variable;

    public bool Equals(VariableNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record SelectionSetNode(IReadOnlyList<SelectionNode> Selections) : Node
{
    public override NodeKind Kind => NodeKind.SelectionSet;

    public bool Equals(SelectionSetNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public abstract record SelectionNode : Node
{
    public abstract IReadOnlyList<DirectiveNode> Directives { get; init; }
}

public sealed record FieldNode(
    NameNode? Alias,
    NameNode Name,
    IReadOnlyList<ArgumentNode> Arguments,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode? SelectionSet) : SelectionNode
{
    public override NodeKind Kind => NodeKind.Field;

    public bool Equals(FieldNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;

    /// <summary>The response key: the alias if there is one, else the field name.</summary>
    public string ResponseKey => Alias?.Value ?? Name.Value;
}

public sealed record ArgumentNode(NameNode Name, ValueNode Value) : Node
{
    public override NodeKind Kind => NodeKind.Argument;

    public bool Equals(ArgumentNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

// Fragments

public sealed record FragmentSpreadNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives) : SelectionNode
{
    public override NodeKind Kind => NodeKind.FragmentSpread;

    public bool Equals(FragmentSpreadNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

public sealed record InlineFragmentNode(
    NamedTypeNode? TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : SelectionNode
{
    public override NodeKind Kind => NodeKind.InlineFragment;

    public bool Equals(InlineFragmentNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

public sealed record FragmentDefinitionNode(
    NameNode Name,
    NamedTypeNode TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet,
    StringValueNode? Description = null) : ExecutableDefinitionNode
{
    public override NodeKind Kind => NodeKind.FragmentDefinition;

    public bool Equals(FragmentDefinitionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;

    public override SelectionSetNode SelectionSet { get; init; } = SelectionSet;
}

// Values

public abstract record ValueNode : Node;

/// <summary>Value is the literal's source text (graphql-js keeps it as a string too).</summary>
public sealed record IntValueNode(string Value) : ValueNode
{
    public override NodeKind Kind => NodeKind.IntValue;

    public bool Equals(IntValueNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record FloatValueNode(string Value) : ValueNode
{
    public override NodeKind Kind => NodeKind.FloatValue;

    public bool Equals(FloatValueNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

/// <summary>Value is the string after escapes (or block-string dedent); Block says how it was written.</summary>
public sealed record StringValueNode(string Value, bool Block = false) : ValueNode
{
    public override NodeKind Kind => NodeKind.StringValue;

    public bool Equals(StringValueNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record BooleanValueNode(bool Value) : ValueNode
{
    public override NodeKind Kind => NodeKind.BooleanValue;

    public bool Equals(BooleanValueNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record NullValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.NullValue;

    public bool Equals(NullValueNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record EnumValueNode(string Value) : ValueNode
{
    public override NodeKind Kind => NodeKind.EnumValue;

    public bool Equals(EnumValueNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record ListValueNode(IReadOnlyList<ValueNode> Values) : ValueNode
{
    public override NodeKind Kind => NodeKind.ListValue;

    public bool Equals(ListValueNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record ObjectValueNode(IReadOnlyList<ObjectFieldNode> Fields) : ValueNode
{
    public override NodeKind Kind => NodeKind.ObjectValue;

    public bool Equals(ObjectValueNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record ObjectFieldNode(NameNode Name, ValueNode Value) : Node
{
    public override NodeKind Kind => NodeKind.ObjectField;

    public bool Equals(ObjectFieldNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

// Directives

public sealed record DirectiveNode(NameNode Name, IReadOnlyList<ArgumentNode> Arguments) : Node
{
    public override NodeKind Kind => NodeKind.Directive;

    public bool Equals(DirectiveNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

// Type references

public abstract record TypeNode : Node;

public sealed record NamedTypeNode(NameNode Name) : TypeNode
{
    public override NodeKind Kind => NodeKind.NamedType;

    public bool Equals(NamedTypeNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record ListTypeNode(TypeNode Type) : TypeNode
{
    public override NodeKind Kind => NodeKind.ListType;

    public bool Equals(ListTypeNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

/// <summary>Type is a NamedTypeNode or a ListTypeNode, never another NonNullTypeNode.</summary>
public sealed record NonNullTypeNode(TypeNode Type) : TypeNode
{
    public override NodeKind Kind => NodeKind.NonNullType;

    public bool Equals(NonNullTypeNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

// Type system definitions (Section 3)

public abstract record TypeSystemDefinitionNode : DefinitionNode;

public sealed record SchemaDefinitionNode(
    StringValueNode? Description,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<OperationTypeDefinitionNode> OperationTypes) : TypeSystemDefinitionNode
{
    public override NodeKind Kind => NodeKind.SchemaDefinition;

    public bool Equals(SchemaDefinitionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record OperationTypeDefinitionNode(OperationType Operation, NamedTypeNode Type) : Node
{
    public override NodeKind Kind => NodeKind.OperationTypeDefinition;

    public bool Equals(OperationTypeDefinitionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public abstract record TypeDefinitionNode : TypeSystemDefinitionNode
{
    public abstract StringValueNode? Description { get; init; }

    public abstract NameNode Name { get; init; }

    public abstract IReadOnlyList<DirectiveNode> Directives { get; init; }
}

public sealed record ScalarTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives) : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.ScalarTypeDefinition;

    public bool Equals(ScalarTypeDefinitionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override StringValueNode? Description { get; init; } = Description;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

public sealed record ObjectTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.ObjectTypeDefinition;

    public bool Equals(ObjectTypeDefinitionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override StringValueNode? Description { get; init; } = Description;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

public sealed record FieldDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<InputValueDefinitionNode> Arguments,
    TypeNode Type,
    IReadOnlyList<DirectiveNode> Directives) : Node
{
    public override NodeKind Kind => NodeKind.FieldDefinition;

    public bool Equals(FieldDefinitionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record InputValueDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives) : Node
{
    public override NodeKind Kind => NodeKind.InputValueDefinition;

    public bool Equals(InputValueDefinitionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

/// <summary>Interfaces may implement interfaces (spec Section 3.7).</summary>
public sealed record InterfaceTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.InterfaceTypeDefinition;

    public bool Equals(InterfaceTypeDefinitionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override StringValueNode? Description { get; init; } = Description;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

public sealed record UnionTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<NamedTypeNode> Types) : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.UnionTypeDefinition;

    public bool Equals(UnionTypeDefinitionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override StringValueNode? Description { get; init; } = Description;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

public sealed record EnumTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<EnumValueDefinitionNode> Values) : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.EnumTypeDefinition;

    public bool Equals(EnumTypeDefinitionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override StringValueNode? Description { get; init; } = Description;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

public sealed record EnumValueDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives) : Node
{
    public override NodeKind Kind => NodeKind.EnumValueDefinition;

    public bool Equals(EnumValueDefinitionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record InputObjectTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<InputValueDefinitionNode> Fields) : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.InputObjectTypeDefinition;

    public bool Equals(InputObjectTypeDefinitionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override StringValueNode? Description { get; init; } = Description;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>
/// Locations are kept as NameNodes, as graphql-js does, so errors can point at them.
/// Directives applied to the definition itself are a graphql-js 17 addition, not in the spec.
/// </summary>
public sealed record DirectiveDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<InputValueDefinitionNode> Arguments,
    bool Repeatable,
    IReadOnlyList<NameNode> Locations) : TypeSystemDefinitionNode
{
    public override NodeKind Kind => NodeKind.DirectiveDefinition;

    public bool Equals(DirectiveDefinitionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

// Type system extensions (Section 3.1.2 and each type's "Extensions" section)

public abstract record TypeSystemExtensionNode : DefinitionNode;

public sealed record SchemaExtensionNode(
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<OperationTypeDefinitionNode> OperationTypes) : TypeSystemExtensionNode
{
    public override NodeKind Kind => NodeKind.SchemaExtension;

    public bool Equals(SchemaExtensionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public abstract record TypeExtensionNode : TypeSystemExtensionNode
{
    public abstract NameNode Name { get; init; }

    public abstract IReadOnlyList<DirectiveNode> Directives { get; init; }
}

public sealed record ScalarTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives) : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.ScalarTypeExtension;

    public bool Equals(ScalarTypeExtensionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

public sealed record ObjectTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.ObjectTypeExtension;

    public bool Equals(ObjectTypeExtensionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

public sealed record InterfaceTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.InterfaceTypeExtension;

    public bool Equals(InterfaceTypeExtensionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

public sealed record UnionTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<NamedTypeNode> Types) : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.UnionTypeExtension;

    public bool Equals(UnionTypeExtensionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

public sealed record EnumTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<EnumValueDefinitionNode> Values) : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.EnumTypeExtension;

    public bool Equals(EnumTypeExtensionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

public sealed record InputObjectTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<InputValueDefinitionNode> Fields) : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.InputObjectTypeExtension;

    public bool Equals(InputObjectTypeExtensionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>`extend directive @name @applied`: a graphql-js 17 addition, not in the spec.</summary>
public sealed record DirectiveExtensionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives) : TypeSystemExtensionNode
{
    public override NodeKind Kind => NodeKind.DirectiveExtension;

    public bool Equals(DirectiveExtensionNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

// Schema coordinates (September 2025 edition, Section 3.17): `Type`, `Type.field`,
// `Type.field(arg:)`, `@directive`, `@directive(arg:)`.

public abstract record SchemaCoordinateNode : Node;

public sealed record TypeCoordinateNode(NameNode Name) : SchemaCoordinateNode
{
    public override NodeKind Kind => NodeKind.TypeCoordinate;

    public bool Equals(TypeCoordinateNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record MemberCoordinateNode(NameNode Name, NameNode MemberName) : SchemaCoordinateNode
{
    public override NodeKind Kind => NodeKind.MemberCoordinate;

    public bool Equals(MemberCoordinateNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record ArgumentCoordinateNode(NameNode Name, NameNode FieldName, NameNode ArgumentName) : SchemaCoordinateNode
{
    public override NodeKind Kind => NodeKind.ArgumentCoordinate;

    public bool Equals(ArgumentCoordinateNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record DirectiveCoordinateNode(NameNode Name) : SchemaCoordinateNode
{
    public override NodeKind Kind => NodeKind.DirectiveCoordinate;

    public bool Equals(DirectiveCoordinateNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}

public sealed record DirectiveArgumentCoordinateNode(NameNode Name, NameNode ArgumentName) : SchemaCoordinateNode
{
    public override NodeKind Kind => NodeKind.DirectiveArgumentCoordinate;

    public bool Equals(DirectiveArgumentCoordinateNode? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}
