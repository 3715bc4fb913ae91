using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Types;

/// <summary>
/// A schema (spec Section 3.3): root operation types, every named type reachable from them or
/// given explicitly, and the directives. Construction collects the types, forcing every thunk,
/// and precomputes the possible-type sets so IsSubType and GetPossibleTypes are lookups.
/// Validity is checked separately by SchemaValidator (graphql-js validateSchema), once.
/// </summary>
public sealed class GraphQLSchema
{
    private readonly Dictionary<string, NamedType> _typeMap = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveDefinition> _directiveMap = new(StringComparer.Ordinal);
    private readonly Dictionary<NamedType, ObjectType[]> _possibleTypes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<NamedType, HashSet<NamedType>> _subTypes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<InterfaceType, (List<ObjectType> Objects, List<InterfaceType> Interfaces)> _implementations =
        new(ReferenceEqualityComparer.Instance);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(IAbstractType Abstract, Type ClrType), ObjectType?> _runtimeTypes = new();

    private IReadOnlyList<GraphQLError>? _validationErrors;

    public GraphQLSchema(
        ObjectType? query,
        ObjectType? mutation = null,
        ObjectType? subscription = null,
        IEnumerable<NamedType>? types = null,
        IEnumerable<DirectiveDefinition>? directives = null)
    {
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
        Directives = directives is null ? Types.Directives.Specified : [.. directives];

        // Same order as graphql-js: explicit types first, then roots, then directive argument
        // types, then introspection (so printSchema's order matches theirs).
        // graphql-js seeds its set with the explicit types, so one explicit type met while
        // walking an earlier one keeps its own place in the list; the pending set does that.
        var explicitTypes = types is null ? [] : types.ToList();
        var collector = new TypeCollector(_typeMap, new HashSet<NamedType>(explicitTypes, ReferenceEqualityComparer.Instance));
        foreach (var type in explicitTypes)
        {
            collector.CollectExplicit(type);
        }

        foreach (var root in new[] { query, mutation, subscription })
        {
            if (root is not null)
            {
                collector.Collect(root);
            }
        }

        foreach (var directive in Directives)
        {
            foreach (var argument in directive.Arguments)
            {
                collector.Collect(argument.Type.GetNamedType());
            }
        }

        collector.Collect(Introspection.SchemaType);

        foreach (var directive in Directives)
        {
            _directiveMap.TryAdd(directive.Name, directive);
        }

        IndexImplementations();
    }

    public ObjectType? QueryType { get; }

    public ObjectType? MutationType { get; }

    public ObjectType? SubscriptionType { get; }

    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    public string? Description { get; init; }

    public SchemaDefinitionNode? AstNode { get; init; }

    public IReadOnlyList<SchemaExtensionNode> ExtensionAstNodes { get; init; } = [];

    /// <summary>Every named type by name, in collection order (introspection types included).</summary>
    public IReadOnlyDictionary<string, NamedType> TypeMap => _typeMap;

    public NamedType? GetType(string name) => _typeMap.GetValueOrDefault(name);

    public DirectiveDefinition? GetDirective(string name) => _directiveMap.GetValueOrDefault(name);

    public ObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        OperationType.Subscription => SubscriptionType,
        _ => null,
    };

    /// <summary>The object types a value of an abstract type can be at runtime.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) =>
        _possibleTypes.TryGetValue(abstractType, out var types) ? types : [];

    /// <summary>Objects and interfaces that declare they implement the interface.</summary>
    public (IReadOnlyList<ObjectType> Objects, IReadOnlyList<InterfaceType> Interfaces) GetImplementations(InterfaceType interfaceType) =>
        _implementations.TryGetValue(interfaceType, out var found) ? (found.Objects, found.Interfaces) : ([], []);

    /// <summary>
    /// Whether maybeSubType is a member of the union, or implements the interface (directly
    /// or through another interface's declaration). A hash-set lookup.
    /// </summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType) =>
        _subTypes.TryGetValue(abstractType, out var set) && set.Contains(maybeSubType);

    public bool IsPossibleType(NamedType abstractType, ObjectType objectType) => IsSubType(abstractType, objectType);

    /// <summary>
    /// The object type of a value of an abstract type (spec Section 6.4.3, ResolveAbstractType):
    /// the type's ResolveType if it has one, else the possible type declared for the value's
    /// CLR type (looked up once per CLR type, then cached), else the first possible type whose
    /// IsTypeOf accepts it. Null when nothing matches; the executor reports that as an error.
    /// </summary>
    public ObjectType? ResolveRuntimeType(IAbstractType abstractType, object value, ResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(abstractType);
        ArgumentNullException.ThrowIfNull(value);
        if (abstractType.ResolveType?.Invoke(value, context, abstractType) is { } resolved)
        {
            return resolved;
        }

        var possible = GetPossibleTypes((NamedType)abstractType);
        var clrType = value.GetType();
        var byClrType = _runtimeTypes.GetOrAdd(
            (abstractType, clrType),
            static (key, types) => types.FirstOrDefault(t => t.ClrType is { } declared && declared.IsAssignableFrom(key.ClrType)),
            possible);
        if (byClrType is not null)
        {
            return byClrType;
        }

        foreach (var candidate in possible)
        {
            if (candidate.IsTypeOf?.Invoke(value, context) == true)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Validation errors of the schema (computed once; empty when valid).</summary>
    public IReadOnlyList<GraphQLError> Validate() =>
        _validationErrors ??= SchemaValidator.Validate(this);

    /// <summary>Throws InvalidOperationException with every problem, one per paragraph (graphql-js assertValidSchema).</summary>
    public void AssertValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n\n", errors.Select(e => e.Message)));
        }
    }

    private void IndexImplementations()
    {
        foreach (var type in _typeMap.Values)
        {
            switch (type)
            {
                case UnionType union:
                    _possibleTypes[union] = [.. union.Types];
                    _subTypes[union] = new HashSet<NamedType>(union.Types, ReferenceEqualityComparer.Instance);
                    break;
                case InterfaceType iface:
                    _implementations.TryAdd(iface, ([], []));
                    foreach (var parent in iface.Interfaces)
                    {
                        ImplementationsOf(parent).Interfaces.Add(iface);
                    }

                    break;
                case ObjectType obj:
                    foreach (var parent in obj.Interfaces)
                    {
                        ImplementationsOf(parent).Objects.Add(obj);
                    }

                    break;
            }
        }

        foreach (var (iface, found) in _implementations)
        {
            _possibleTypes[iface] = [.. found.Objects];
            var set = new HashSet<NamedType>(ReferenceEqualityComparer.Instance);
            set.UnionWith(found.Objects);
            set.UnionWith(found.Interfaces);
            _subTypes[iface] = set;
        }
    }

    private (List<ObjectType> Objects, List<InterfaceType> Interfaces) ImplementationsOf(InterfaceType iface)
    {
        if (!_implementations.TryGetValue(iface, out var found))
        {
            found = ([], []);
            _implementations[iface] = found;
        }

        return found;
    }

    // Walks the type graph like graphql-js's collectReferencedTypes; two distinct types with
    // one name make the schema unusable, so that is an exception, not a validation error.
    private sealed class TypeCollector(Dictionary<string, NamedType> typeMap, HashSet<NamedType> pending)
    {
        public void CollectExplicit(NamedType type)
        {
            pending.Remove(type);
            Collect(type);
        }

        public void Collect(NamedType? type)
        {
            if (type is null || pending.Contains(type))
            {
                return;
            }

            if (typeMap.TryGetValue(type.Name, out var existing))
            {
                if (!ReferenceEquals(existing, type))
                {
                    throw new InvalidOperationException(
                        $"Schema must contain uniquely named types but contains multiple types named \"{type.Name}\".");
                }

                return;
            }

            typeMap[type.Name] = type;
            switch (type)
            {
                case UnionType union:
                    foreach (var member in union.Types)
                    {
                        Collect(member);
                    }

                    break;
                case FieldsType fields:
                    foreach (var iface in fields.Interfaces)
                    {
                        Collect(iface);
                    }

                    foreach (var field in fields.Fields)
                    {
                        Collect(field.Type.GetNamedType());
                        foreach (var argument in field.Arguments)
                        {
                            Collect(argument.Type.GetNamedType());
                        }
                    }

                    break;
                case InputObjectType input:
                    foreach (var field in input.Fields)
                    {
                        Collect(field.Type.GetNamedType());
                    }

                    break;
            }
        }
    }
}
