using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Types;

// The type system of the spec (Section 3), laid out like graphql-js's src/type/definition.ts.
// Named types are compared by reference; the two wrapping types compare by what they wrap, so
// `new ListType(Int)` built twice is the same type for dictionaries and caches.
//
// Fields, interfaces, union members and input fields may be given as thunks, so types can refer
// to each other in cycles; a thunk runs once, on first use (the schema's constructor forces them).

/// <summary>What a type is; names follow the spec's __TypeKind.</summary>
public enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}

/// <summary>Any GraphQL type: a named type or a List/NonNull wrapper.</summary>
public abstract class GraphQLType
{
    private protected GraphQLType()
    {
    }

    public abstract TypeKind Kind { get; }

    /// <summary>The type in SDL notation: <c>Int</c>, <c>[Int!]!</c>.</summary>
    public abstract override string ToString();
}

/// <summary>A type with a name: everything except List and NonNull.</summary>
public abstract class NamedType : GraphQLType
{
    private protected NamedType(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    public string Name { get; }

    public string? Description { get; init; }

    /// <summary>The SDL definition this type was built from, if any.</summary>
    public TypeDefinitionNode? AstNode { get; init; }

    public IReadOnlyList<TypeExtensionNode> ExtensionAstNodes { get; init; } = [];

    public sealed override string ToString() => Name;
}

/// <summary>List of OfType (spec Section 3.11).</summary>
public sealed class ListType(GraphQLType ofType) : GraphQLType
{
    public GraphQLType OfType { get; } = ofType ?? throw new ArgumentNullException(nameof(ofType));

    public override TypeKind Kind => TypeKind.List;

    public override string ToString() => "[" + OfType + "]";

    public override bool Equals(object? obj) => obj is ListType other && OfType.Equals(other.OfType);

    public override int GetHashCode() => HashCode.Combine(1, OfType);
}

/// <summary>Non-null OfType (spec Section 3.12). OfType is never itself a NonNullType.</summary>
public sealed class NonNullType : GraphQLType
{
    public NonNullType(GraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        if (ofType is NonNullType)
        {
            throw new ArgumentException($"Expected {ofType} to be a GraphQL nullable type.", nameof(ofType));
        }

        OfType = ofType;
    }

    public GraphQLType OfType { get; }

    public override TypeKind Kind => TypeKind.NonNull;

    public override string ToString() => OfType + "!";

    public override bool Equals(object? obj) => obj is NonNullType other && OfType.Equals(other.OfType);

    public override int GetHashCode() => HashCode.Combine(2, OfType);
}

/// <summary>Object and interface types: both have fields and implement interfaces.</summary>
public abstract class FieldsType : NamedType
{
    private readonly Lazy<FieldDefinition[]> _fields;
    private readonly Lazy<Dictionary<string, FieldDefinition>> _fieldMap;
    private readonly Lazy<InterfaceType[]> _interfaces;

    private protected FieldsType(string name, Func<IEnumerable<FieldDefinition>> fields, Func<IEnumerable<InterfaceType>>? interfaces)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = new Lazy<FieldDefinition[]>(() => [.. fields()]);
        _fieldMap = new Lazy<Dictionary<string, FieldDefinition>>(() => ToMap(_fields.Value, f => f.Name));
        _interfaces = new Lazy<InterfaceType[]>(() => interfaces is null ? [] : [.. interfaces()]);
    }

    /// <summary>Fields in definition order.</summary>
    public IReadOnlyList<FieldDefinition> Fields => _fields.Value;

    public IReadOnlyList<InterfaceType> Interfaces => _interfaces.Value;

    /// <summary>The field called name, or null. A dictionary lookup: the executor calls this per field.</summary>
    public FieldDefinition? GetField(string name) => _fieldMap.Value.GetValueOrDefault(name);

    // First definition wins on duplicates; schema validation reports them from the AST.
    internal static Dictionary<string, T> ToMap<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            map.TryAdd(key(item), item);
        }

        return map;
    }
}

/// <summary>An object type (spec Section 3.6).</summary>
public sealed class ObjectType : FieldsType
{
    public ObjectType(string name, Func<IEnumerable<FieldDefinition>> fields, Func<IEnumerable<InterfaceType>>? interfaces = null)
        : base(name, fields, interfaces)
    {
    }

    public ObjectType(string name, IEnumerable<FieldDefinition> fields, IEnumerable<InterfaceType>? interfaces = null)
        : base(name, () => fields, interfaces is null ? null : () => interfaces)
    {
    }

    public override TypeKind Kind => TypeKind.Object;

    /// <summary>
    /// Decides whether a runtime value belongs to this type, for abstract types without a
    /// ResolveType (graphql-js's isTypeOf).
    /// </summary>
    public IsTypeOf? IsTypeOf { get; init; }

    /// <summary>
    /// The CLR type whose instances this object type represents, if one: lets abstract types
    /// resolve a value by its runtime type without a resolver of their own.
    /// </summary>
    public Type? ClrType { get; init; }
}

/// <summary>Interfaces and unions: the runtime object type is decided per value.</summary>
public interface IAbstractType
{
    string Name { get; }

    TypeResolver? ResolveType { get; }
}

/// <summary>An interface type (spec Section 3.7); interfaces may implement interfaces.</summary>
public sealed class InterfaceType : FieldsType, IAbstractType
{
    public InterfaceType(string name, Func<IEnumerable<FieldDefinition>> fields, Func<IEnumerable<InterfaceType>>? interfaces = null)
        : base(name, fields, interfaces)
    {
    }

    public InterfaceType(string name, IEnumerable<FieldDefinition> fields, IEnumerable<InterfaceType>? interfaces = null)
        : base(name, () => fields, interfaces is null ? null : () => interfaces)
    {
    }

    public override TypeKind Kind => TypeKind.Interface;

    public TypeResolver? ResolveType { get; init; }
}

/// <summary>A union type (spec Section 3.8).</summary>
public sealed class UnionType : NamedType, IAbstractType
{
    private readonly Lazy<ObjectType[]> _types;

    public UnionType(string name, Func<IEnumerable<ObjectType>> types)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(types);
        _types = new Lazy<ObjectType[]>(() => [.. types()]);
    }

    public UnionType(string name, IEnumerable<ObjectType> types)
        : this(name, () => types)
    {
    }

    public override TypeKind Kind => TypeKind.Union;

    public IReadOnlyList<ObjectType> Types => _types.Value;

    public TypeResolver? ResolveType { get; init; }
}

/// <summary>
/// A field of an object or interface type (spec Section 3.6). Resolution: the executor calls
/// ResolveSync when set (no Task for a value already at hand), else Resolve, else its default
/// resolver (property or dictionary lookup).
/// </summary>
public sealed class FieldDefinition
{
    private readonly Dictionary<string, InputValueDefinition>? _argumentMap;

    public FieldDefinition(string name, GraphQLType type, IEnumerable<InputValueDefinition>? arguments = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
        Arguments = arguments is null ? [] : [.. arguments];
        _argumentMap = Arguments.Count == 0 ? null : FieldsType.ToMap(Arguments, a => a.Name);
    }

    public string Name { get; }

    /// <summary>The output type of the field.</summary>
    public GraphQLType Type { get; }

    public IReadOnlyList<InputValueDefinition> Arguments { get; }

    public string? Description { get; init; }

    /// <summary>Non-null when the field is deprecated (the @deprecated reason).</summary>
    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    public FieldResolver? Resolve { get; init; }

    public SyncFieldResolver? ResolveSync { get; init; }

    /// <summary>
    /// A resolver that needs only the parent value and the arguments; when set, the executor
    /// calls it rather than ResolveSync or Resolve (which should answer the same, for callers
    /// that build a context themselves).
    /// </summary>
    public SourceFieldResolver? ResolveFromSource { get; init; }

    /// <summary>For subscription root fields: produces the event stream (graphql-js's subscribe).</summary>
    public SubscriptionResolver? Subscribe { get; init; }

    public FieldDefinitionNode? AstNode { get; init; }

    public InputValueDefinition? GetArgument(string name) => _argumentMap?.GetValueOrDefault(name);

    public override string ToString() => Name;
}

/// <summary>
/// An argument of a field or directive, or a field of an input object (graphql-js's
/// GraphQLArgument and GraphQLInputField, which differ in nothing but name).
/// </summary>
public sealed class InputValueDefinition
{
    private object? _coercedDefault;
    private int _defaultState; // 0 = not computed, 1 = computed

    public InputValueDefinition(string name, GraphQLType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
    }

    public string Name { get; }

    /// <summary>The input type of the value.</summary>
    public GraphQLType Type { get; }

    public string? Description { get; init; }

    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>
    /// A default given as an already-coerced CLR value (code-first). Set HasDefaultValue too,
    /// since null is a legitimate default.
    /// </summary>
    public object? DefaultValue { get; init; }

    public bool HasDefaultValue { get; init; }

    /// <summary>A default given as a literal (SDL); wins over DefaultValue, like graphql-js 17's default.literal.</summary>
    public ValueNode? DefaultValueLiteral { get; init; }

    public bool HasDefault => HasDefaultValue || DefaultValueLiteral is not null;

    public InputValueDefinitionNode? AstNode { get; init; }

    /// <summary>Required: non-null type and no default (spec Section 3.10, "Input Coercion").</summary>
    public bool IsRequired => Type is NonNullType && !HasDefault;

    /// <summary>
    /// The default as a coerced value (a literal default is coerced once, then remembered).
    /// False when there is no default, or when a literal default does not fit the type.
    /// </summary>
    public bool TryGetDefault(out object? value)
    {
        if (DefaultValueLiteral is null)
        {
            value = DefaultValue;
            return HasDefaultValue;
        }

        if (Volatile.Read(ref _defaultState) == 0)
        {
            var ok = Utilities.ValueFromAst.TryConvert(DefaultValueLiteral, Type, null, out var coerced);
            _coercedDefault = ok ? coerced : Utilities.ValueFromAst.Invalid;
            Volatile.Write(ref _defaultState, 1);
        }

        value = _coercedDefault;
        if (ReferenceEquals(value, Utilities.ValueFromAst.Invalid))
        {
            value = null;
            return false;
        }

        return true;
    }

    public override string ToString() => Name;
}

/// <summary>An enum type (spec Section 3.9). Values map names to CLR values and back.</summary>
public sealed class EnumType : NamedType
{
    private readonly EnumValueDefinition[] _values;
    private readonly Dictionary<string, EnumValueDefinition> _byName;
    private readonly Dictionary<object, EnumValueDefinition> _byValue;

    public EnumType(string name, IEnumerable<EnumValueDefinition> values)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = [.. values];
        _byName = FieldsType.ToMap(_values, v => v.Name);
        _byValue = [];
        foreach (var value in _values)
        {
            _byValue.TryAdd(value.Value ?? value.Name, value);
        }
    }

    public override TypeKind Kind => TypeKind.Enum;

    public IReadOnlyList<EnumValueDefinition> Values => _values;

    public EnumValueDefinition? GetValue(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Output coercion: the internal value to its name (graphql-js coerceOutputValue).</summary>
    public string Serialize(object? value)
    {
        if (value is not null && _byValue.TryGetValue(value, out var def))
        {
            return def.Name;
        }

        // A CLR enum value may reach an enum built from names only.
        if (value is Enum or string && _byName.TryGetValue(value.ToString()!, out def))
        {
            return def.Name;
        }

        throw new GraphQLError($"Enum \"{Name}\" cannot represent value: {Utilities.Inspect.Value(value)}");
    }

    /// <summary>Input coercion of a variable value: its name to the internal value.</summary>
    public object? ParseValue(object? input)
    {
        if (input is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } json)
        {
            input = Utilities.JsonValues.Text(json);
        }

        if (input is not string name)
        {
            var text = Utilities.Inspect.Value(input);
            throw new GraphQLError($"Enum \"{Name}\" cannot represent non-string value: {text}." + DidYouMeanValue(text));
        }

        if (!_byName.TryGetValue(name, out var def))
        {
            throw new GraphQLError($"Value \"{name}\" does not exist in \"{Name}\" enum." + DidYouMeanValue(name));
        }

        return def.Value ?? def.Name;
    }

    /// <summary>Input coercion of a literal (variables already replaced).</summary>
    public object? ParseLiteral(ValueNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node is not EnumValueNode enumNode)
        {
            var text = Printer.Print(node);
            throw new GraphQLError($"Enum \"{Name}\" cannot represent non-enum value: {text}." + DidYouMeanValue(text), [node]);
        }

        if (!_byName.TryGetValue(enumNode.Value, out var def))
        {
            throw new GraphQLError(
                $"Value \"{enumNode.Value}\" does not exist in \"{Name}\" enum." + DidYouMeanValue(enumNode.Value), [node]);
        }

        return def.Value ?? def.Name;
    }

    private string DidYouMeanValue(string unknown) =>
        Utilities.Suggestions.DidYouMean("the enum value", Utilities.Suggestions.List(unknown, _values.Select(v => v.Name)));
}

/// <summary>One value of an enum. Value is the CLR value resolvers see; it defaults to the name.</summary>
public sealed class EnumValueDefinition
{
    public EnumValueDefinition(string name, object? value = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Value = value ?? name;
    }

    public string Name { get; }

    public object? Value { get; }

    public string? Description { get; init; }

    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    public EnumValueDefinitionNode? AstNode { get; init; }

    public override string ToString() => Name;
}

/// <summary>
/// An input object type (spec Section 3.10). Coerced values are ordered
/// <c>Dictionary&lt;string, object?&gt;</c>s; with IsOneOf exactly one field must be given
/// and non-null (the @oneOf directive).
/// </summary>
public sealed class InputObjectType : NamedType
{
    private readonly Lazy<InputValueDefinition[]> _fields;
    private readonly Lazy<Dictionary<string, InputValueDefinition>> _fieldMap;

    public InputObjectType(string name, Func<IEnumerable<InputValueDefinition>> fields)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = new Lazy<InputValueDefinition[]>(() => [.. fields()]);
        _fieldMap = new Lazy<Dictionary<string, InputValueDefinition>>(() => FieldsType.ToMap(_fields.Value, f => f.Name));
    }

    public InputObjectType(string name, IEnumerable<InputValueDefinition> fields)
        : this(name, () => fields)
    {
    }

    public override TypeKind Kind => TypeKind.InputObject;

    public IReadOnlyList<InputValueDefinition> Fields => _fields.Value;

    public bool IsOneOf { get; init; }

    /// <summary>
    /// Turns the coerced field dictionary into the CLR value resolvers receive (a record, for
    /// code-first input types). Null keeps the dictionary, as graphql-js does.
    /// </summary>
    public Func<IReadOnlyDictionary<string, object?>, object>? ToClrValue { get; init; }

    /// <summary>The coerced value for resolvers: the dictionary, or ToClrValue of it.</summary>
    public object CreateValue(Dictionary<string, object?> fields) => ToClrValue is null ? fields : ToClrValue(fields);

    public InputValueDefinition? GetField(string name) => _fieldMap.Value.GetValueOrDefault(name);
}
