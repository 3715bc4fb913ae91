using System.ComponentModel;
using System.Reflection;
using System.Text;
using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Types;

/// <summary>
/// Code-first schema construction. Types refer to each other by SDL type references
/// (<c>"[Sanction!]!"</c>), resolved when Build runs, so declaration order and cycles do not
/// matter. Enums come from CLR enums, input objects from records; Build validates the schema.
/// <code>
/// var schema = new SchemaBuilder()
///     .Query("Query", q => q
///         .Field("sanction", "Sanction", (_, c) => store.Find(c.GetArgument&lt;string&gt;("id")))
///             .Argument("id", "ID!"))
///     .Object&lt;SanctionEntry&gt;("Sanction", o => o
///         .Field("id", "ID!", s => s.Id)
///         .Field("kind", "SanctionKind!", s => s.Kind))
///     .Enum&lt;SanctionKind&gt;()
///     .Build();
/// </code>
/// </summary>
public sealed class SchemaBuilder
{
    private static readonly Dictionary<Type, string> BuiltInScalarsByClrType = new()
    {
        [typeof(string)] = "String",
        [typeof(int)] = "Int",
        [typeof(short)] = "Int",
        [typeof(byte)] = "Int",
        [typeof(long)] = "Long",
        [typeof(double)] = "Float",
        [typeof(float)] = "Float",
        [typeof(decimal)] = "Decimal",
        [typeof(bool)] = "Boolean",
        [typeof(Guid)] = "ID",
        [typeof(DateOnly)] = "Date",
        [typeof(DateTimeOffset)] = "DateTime",
        [typeof(DateTime)] = "DateTime",
    };

    private readonly Dictionary<string, Func<NamedType>> _typeFactories = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _namesByClrType = [];
    private readonly List<DirectiveDefinition> _directives = [];
    private readonly Dictionary<string, NamedType> _built = new(StringComparer.Ordinal);
    private string? _query;
    private string? _mutation;
    private string? _subscription;
    private string? _description;

    public SchemaBuilder()
    {
        foreach (var scalar in Scalars.Specified.Concat([Scalars.DateTime, Scalars.Date, Scalars.Long, Scalars.Decimal]))
        {
            _typeFactories[scalar.Name] = () => scalar;
        }
    }

    public SchemaBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    public SchemaBuilder Query(string name, Action<ObjectTypeBuilder<object>> configure)
    {
        _query = name;
        return Object(name, configure);
    }

    public SchemaBuilder Mutation(string name, Action<ObjectTypeBuilder<object>> configure)
    {
        _mutation = name;
        return Object(name, configure);
    }

    public SchemaBuilder Subscription(string name, Action<ObjectTypeBuilder<object>> configure)
    {
        _subscription = name;
        return Object(name, configure);
    }

    /// <summary>An object type over values of TSource; abstract types resolve a T value to it by its CLR type.</summary>
    public SchemaBuilder Object<TSource>(string name, Action<ObjectTypeBuilder<TSource>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new ObjectTypeBuilder<TSource>(this);
        configure(builder);
        if (typeof(TSource) != typeof(object))
        {
            _namesByClrType[typeof(TSource)] = name;
        }

        _typeFactories[name] = () => new ObjectType(name, () => builder.BuildFields(), () => builder.Interfaces.Select(i => (InterfaceType)Resolve(i)))
        {
            Description = builder.TypeDescription,
            ClrType = typeof(TSource) == typeof(object) ? null : typeof(TSource),
            IsTypeOf = typeof(TSource) == typeof(object) ? null : (value, _) => value is TSource,
        };
        return this;
    }

    /// <summary>An interface; without resolveType, a value's object type is found by ClrType/IsTypeOf.</summary>
    public SchemaBuilder Interface(string name, Action<ObjectTypeBuilder<object>> configure, TypeResolver? resolveType = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new ObjectTypeBuilder<object>(this);
        configure(builder);
        _typeFactories[name] = () => new InterfaceType(name, () => builder.BuildFields(), () => builder.Interfaces.Select(i => (InterfaceType)Resolve(i)))
        {
            Description = builder.TypeDescription,
            ResolveType = resolveType,
        };
        return this;
    }

    public SchemaBuilder Union(string name, IEnumerable<string> members, string? description = null, TypeResolver? resolveType = null)
    {
        var memberNames = members.ToList();
        _typeFactories[name] = () => new UnionType(name, () => memberNames.Select(m => (ObjectType)Resolve(m)))
        {
            Description = description,
            ResolveType = resolveType,
        };
        return this;
    }

    /// <summary>
    /// An enum from a CLR enum: each member becomes a CONSTANT_CASE value whose internal value
    /// is the CLR member; [Description] and [Obsolete] become description and deprecation.
    /// </summary>
    public SchemaBuilder Enum<TEnum>(string? name = null, string? description = null)
        where TEnum : struct, Enum
    {
        var typeName = name ?? typeof(TEnum).Name;
        _namesByClrType[typeof(TEnum)] = typeName;
        _typeFactories[typeName] = () => new EnumType(typeName, System.Enum.GetValues<TEnum>().Select(value =>
        {
            var member = typeof(TEnum).GetField(value.ToString())!;
            return new EnumValueDefinition(ConstantCase(value.ToString()), value)
            {
                Description = member.GetCustomAttribute<DescriptionAttribute>()?.Description,
                DeprecationReason = member.GetCustomAttribute<ObsoleteAttribute>() is { } obsolete
                    ? obsolete.Message ?? Directives.DefaultDeprecationReason
                    : null,
            };
        }))
        {
            Description = description ?? typeof(TEnum).GetCustomAttribute<DescriptionAttribute>()?.Description,
        };
        return this;
    }

    /// <summary>
    /// An input object from a record or class: one camelCase field per public property, typed
    /// from the property (nullable annotations decide non-null), with the constructor
    /// parameter's default as the field default. Resolvers receive a T.
    /// </summary>
    public SchemaBuilder InputObject<T>(string? name = null, string? description = null, bool isOneOf = false)
    {
        var typeName = name ?? typeof(T).Name;
        _namesByClrType[typeof(T)] = typeName;
        _typeFactories[typeName] = () => new InputObjectType(typeName, () => InputFieldsOf(typeof(T)))
        {
            Description = description ?? typeof(T).GetCustomAttribute<DescriptionAttribute>()?.Description,
            IsOneOf = isOneOf,
            ToClrValue = ClrInputFactory.For(typeof(T)),
        };
        return this;
    }

    /// <summary>Adds any ready-made type (a custom scalar, a hand-built type).</summary>
    public SchemaBuilder Type(NamedType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        _typeFactories[type.Name] = () => type;
        return this;
    }

    public SchemaBuilder Directive(DirectiveDefinition directive)
    {
        _directives.Add(directive);
        return this;
    }

    /// <summary>Builds and validates; throws InvalidOperationException listing every schema error.</summary>
    public GraphQLSchema Build()
    {
        if (_query is null)
        {
            throw new InvalidOperationException("Query root type must be provided.");
        }

        var schema = new GraphQLSchema(
            (ObjectType)Resolve(_query),
            _mutation is null ? null : (ObjectType)Resolve(_mutation),
            _subscription is null ? null : (ObjectType)Resolve(_subscription),
            _typeFactories.Keys.Where(n => !Scalars.Specified.Any(s => s.Name == n)).Select(Resolve).Where(IsReferencedOrOwn),
            [.. Directives.Specified, .. _directives])
        {
            Description = _description,
        };
        schema.AssertValid();
        return schema;
    }

    // Unused extra scalars (DateTime, Date, Long, Decimal) stay out of the schema unless referenced.
    private static bool IsReferencedOrOwn(NamedType type) =>
        !(ReferenceEquals(type, Scalars.DateTime) || ReferenceEquals(type, Scalars.Date)
          || ReferenceEquals(type, Scalars.Long) || ReferenceEquals(type, Scalars.Decimal));

    internal NamedType Resolve(string name)
    {
        if (_built.TryGetValue(name, out var type))
        {
            return type;
        }

        if (!_typeFactories.TryGetValue(name, out var factory))
        {
            throw new InvalidOperationException($"Unknown type: \"{name}\".");
        }

        type = factory();
        _built[name] = type;
        return type;
    }

    internal GraphQLType ResolveReference(string typeReference) => ResolveReference(Parser.ParseType(typeReference));

    private GraphQLType ResolveReference(TypeNode node) => node switch
    {
        NamedTypeNode named => Resolve(named.Name.Value),
        ListTypeNode list => new ListType(ResolveReference(list.Type)),
        NonNullTypeNode nonNull => new NonNullType(ResolveReference(nonNull.Type)),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private IEnumerable<InputValueDefinition> InputFieldsOf(Type type)
    {
        var nullability = new NullabilityInfoContext();
        var constructorDefaults = type.GetConstructors()
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault()?.GetParameters()
            .Where(p => p.HasDefaultValue)
            .ToDictionary(p => p.Name!, p => p.DefaultValue, StringComparer.OrdinalIgnoreCase) ?? [];
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == "EqualityContract" || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var fieldType = GraphQLTypeOf(property.PropertyType, nullability.Create(property));
            var hasDefault = constructorDefaults.TryGetValue(property.Name, out var defaultValue);
            yield return new InputValueDefinition(CamelCase(property.Name), fieldType)
            {
                Description = property.GetCustomAttribute<DescriptionAttribute>()?.Description,
                DeprecationReason = property.GetCustomAttribute<ObsoleteAttribute>() is { } obsolete
                    ? obsolete.Message ?? Directives.DefaultDeprecationReason
                    : null,
                DefaultValue = defaultValue,
                HasDefaultValue = hasDefault,
            };
        }
    }

    private GraphQLType GraphQLTypeOf(Type clrType, NullabilityInfo nullability)
    {
        var underlying = Nullable.GetUnderlyingType(clrType);
        var nullable = underlying is not null || (!clrType.IsValueType && nullability.ReadState != NullabilityState.NotNull);
        var bare = underlying ?? clrType;
        GraphQLType type;
        if (bare != typeof(string) && ElementTypeOf(bare) is { } element)
        {
            var elementNullability = nullability.ElementType ?? (nullability.GenericTypeArguments.Length == 1 ? nullability.GenericTypeArguments[0] : nullability);
            type = new ListType(GraphQLTypeOf(element, elementNullability));
        }
        else if (_namesByClrType.TryGetValue(bare, out var name) || BuiltInScalarsByClrType.TryGetValue(bare, out name))
        {
            type = Resolve(name);
        }
        else
        {
            throw new InvalidOperationException($"No GraphQL type is registered for CLR type {bare.Name}; add it with Enum<T>, InputObject<T> or Type().");
        }

        return nullable ? type : new NonNullType(type);
    }

    private static Type? ElementTypeOf(Type type) =>
        type.IsArray
            ? type.GetElementType()
            : type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
                ? type.GetGenericArguments()[0]
                : null;

    /// <summary>DishonestDebtor → DISHONEST_DEBTOR (enum values are conventionally CONSTANT_CASE).</summary>
    public static string ConstantCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(c));
        }

        return text.ToString();
    }

    /// <summary>CreditCode → creditCode (field names are conventionally camelCase).</summary>
    public static string CamelCase(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}

/// <summary>Fields of an object or interface type under construction.</summary>
public sealed class ObjectTypeBuilder<TSource>
{
    private readonly SchemaBuilder _schema;
    private readonly List<FieldBuilder<TSource>> _fields = [];

    internal ObjectTypeBuilder(SchemaBuilder schema) => _schema = schema;

    internal string? TypeDescription { get; private set; }

    internal List<string> Interfaces { get; } = [];

    public ObjectTypeBuilder<TSource> Description(string description)
    {
        TypeDescription = description;
        return this;
    }

    public ObjectTypeBuilder<TSource> Implements(params string[] interfaces)
    {
        Interfaces.AddRange(interfaces);
        return this;
    }

    /// <summary>A field; type is an SDL type reference such as "[Sanction!]!".</summary>
    public FieldBuilder<TSource> Field(string name, string type)
    {
        var field = new FieldBuilder<TSource>(this, name, type);
        _fields.Add(field);
        return field;
    }

    /// <summary>A field computed from the parent value alone.</summary>
    public FieldBuilder<TSource> Field(string name, string type, Func<TSource, object?> resolve) =>
        Field(name, type).Resolve(resolve);

    /// <summary>A field computed from the parent value and the resolve context (arguments, user context ...).</summary>
    public FieldBuilder<TSource> Field(string name, string type, Func<TSource, ResolveFieldContext, object?> resolve) =>
        Field(name, type).Resolve(resolve);

    internal IEnumerable<FieldDefinition> BuildFields() => _fields.Select(f => f.Build(_schema));
}

/// <summary>One field under construction; Field(...) continues with the next field of the same type.</summary>
public sealed class FieldBuilder<TSource>
{
    private readonly ObjectTypeBuilder<TSource> _owner;
    private readonly string _name;
    private readonly string _type;
    private readonly List<(string Name, string Type, ArgumentBuilder Options)> _arguments = [];
    private string? _description;
    private string? _deprecationReason;
    private SyncFieldResolver? _resolveSync;
    private FieldResolver? _resolve;
    private SubscriptionResolver? _subscribe;

    internal FieldBuilder(ObjectTypeBuilder<TSource> owner, string name, string type)
    {
        _owner = owner;
        _name = name;
        _type = type;
    }

    public FieldBuilder<TSource> Argument(string name, string type, Action<ArgumentBuilder>? configure = null)
    {
        var options = new ArgumentBuilder();
        configure?.Invoke(options);
        _arguments.Add((name, type, options));
        return this;
    }

    public FieldBuilder<TSource> Description(string description)
    {
        _description = description;
        return this;
    }

    public FieldBuilder<TSource> Deprecated(string reason = Directives.DefaultDeprecationReason)
    {
        _deprecationReason = reason;
        return this;
    }

    public FieldBuilder<TSource> Resolve(Func<TSource, object?> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        _resolveSync = context => resolve((TSource)context.Source!);
        return this;
    }

    public FieldBuilder<TSource> Resolve(Func<TSource, ResolveFieldContext, object?> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        _resolveSync = context => resolve((TSource)context.Source!, context);
        return this;
    }

    public FieldBuilder<TSource> ResolveAsync(Func<TSource, ResolveFieldContext, ValueTask<object?>> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        _resolve = context => resolve((TSource)context.Source!, context);
        return this;
    }

    /// <summary>For subscription root fields: the event stream; each event becomes the field's source.</summary>
    public FieldBuilder<TSource> Subscribe(SubscriptionResolver subscribe)
    {
        _subscribe = subscribe;
        return this;
    }

    /// <summary>Ends this field and starts the next one on the same type.</summary>
    public FieldBuilder<TSource> Field(string name, string type) => _owner.Field(name, type);

    public FieldBuilder<TSource> Field(string name, string type, Func<TSource, object?> resolve) => _owner.Field(name, type, resolve);

    public FieldBuilder<TSource> Field(string name, string type, Func<TSource, ResolveFieldContext, object?> resolve) =>
        _owner.Field(name, type, resolve);

    internal FieldDefinition Build(SchemaBuilder schema) =>
        new(_name, schema.ResolveReference(_type), _arguments.Select(a => a.Options.Build(a.Name, schema.ResolveReference(a.Type))))
        {
            Description = _description,
            DeprecationReason = _deprecationReason,
            ResolveSync = _resolveSync,
            Resolve = _resolve,
            Subscribe = _subscribe,
        };
}

/// <summary>Options of one argument: default, description, deprecation.</summary>
public sealed class ArgumentBuilder
{
    private object? _default;
    private bool _hasDefault;
    private string? _description;
    private string? _deprecationReason;

    public ArgumentBuilder Default(object? value)
    {
        _default = value;
        _hasDefault = true;
        return this;
    }

    public ArgumentBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    public ArgumentBuilder Deprecated(string reason = Directives.DefaultDeprecationReason)
    {
        _deprecationReason = reason;
        return this;
    }

    internal InputValueDefinition Build(string name, GraphQLType type) =>
        new(name, type)
        {
            DefaultValue = _default,
            HasDefaultValue = _hasDefault,
            Description = _description,
            DeprecationReason = _deprecationReason,
        };
}

/// <summary>Builds a CLR object (record or class) from a coerced input object dictionary.</summary>
internal static class ClrInputFactory
{
    public static Func<IReadOnlyDictionary<string, object?>, object> For(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters();
        var settable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && !parameters.Any(c => string.Equals(c.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
            .ToArray();
        return fields =>
        {
            var arguments = parameters.Select(p =>
                TryGet(fields, p.Name!, out var value)
                    ? ConvertTo(value, p.ParameterType)
                    : p.HasDefaultValue ? p.DefaultValue : null).ToArray();
            var instance = constructor.Invoke(arguments);
            foreach (var property in settable)
            {
                if (TryGet(fields, property.Name, out var value))
                {
                    property.SetValue(instance, ConvertTo(value, property.PropertyType));
                }
            }

            return instance;
        };
    }

    private static bool TryGet(IReadOnlyDictionary<string, object?> fields, string clrName, out object? value) =>
        fields.TryGetValue(SchemaBuilder.CamelCase(clrName), out value);

    // Coerced values are int, long, double, string, bool, DateOnly ... and List<object?> for
    // lists; the property may want int?, IReadOnlyList<T> or T[].
    private static object? ConvertTo(object? value, Type target)
    {
        if (value is null)
        {
            return null;
        }

        var bare = Nullable.GetUnderlyingType(target) ?? target;
        if (bare.IsInstanceOfType(value))
        {
            return value;
        }

        if (value is System.Collections.IEnumerable items and not string)
        {
            var elementType = bare.IsArray ? bare.GetElementType()! : bare.GetGenericArguments().FirstOrDefault() ?? typeof(object);
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
            foreach (var item in items)
            {
                list.Add(ConvertTo(item, elementType));
            }

            if (bare.IsArray)
            {
                var array = Array.CreateInstance(elementType, list.Count);
                list.CopyTo(array, 0);
                return array;
            }

            return list;
        }

        return Convert.ChangeType(value, bare, System.Globalization.CultureInfo.InvariantCulture);
    }
}
