using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Types;

/// <summary>Resolves a field's value. ValueTask, so a value at hand costs no Task allocation.</summary>
public delegate ValueTask<object?> FieldResolver(ResolveFieldContext context);

/// <summary>Resolves a field's value synchronously; the executor prefers it when both are set.</summary>
public delegate object? SyncFieldResolver(ResolveFieldContext context);

/// <summary>
/// Resolves a field from its parent value and coerced arguments alone (introspection, computed
/// properties): the executor calls it without building a ResolveFieldContext or, for a leaf,
/// a response path.
/// </summary>
public delegate object? SourceFieldResolver(object? source, IReadOnlyDictionary<string, object?> arguments);

/// <summary>Produces the source event stream of a subscription root field (spec Section 6.2.3).</summary>
public delegate ValueTask<IAsyncEnumerable<object?>> SubscriptionResolver(ResolveFieldContext context);

/// <summary>
/// Picks the object type of a value of an abstract type (graphql-js resolveType). Returning
/// null lets the executor fall back to each possible type's IsTypeOf or ClrType.
/// </summary>
public delegate ObjectType? TypeResolver(object value, ResolveFieldContext context, IAbstractType abstractType);

/// <summary>Whether value is of the object type that holds this delegate (graphql-js isTypeOf).</summary>
public delegate bool IsTypeOf(object value, ResolveFieldContext context);

/// <summary>
/// A response path: field names and list indices from the root, linked backwards so each step
/// costs one small allocation (graphql-js jsutils/Path).
/// </summary>
public sealed record ResponsePath(ResponsePath? Prev, object Key, string? TypeName = null)
{
    /// <summary>The path as a list from the root: strings and ints, as errors report it.</summary>
    public IReadOnlyList<object> ToList()
    {
        var depth = 0;
        for (var p = this; p is not null; p = p.Prev)
        {
            depth++;
        }

        var keys = new object[depth];
        for (var p = this; p is not null; p = p.Prev)
        {
            keys[--depth] = p.Key;
        }

        return keys;
    }

    public ResponsePath Add(object key, string? typeName = null) => new(this, key, typeName);

    public override string ToString() => string.Join('.', ToList());
}

/// <summary>
/// What a resolver receives: graphql-js's (source, args, context, info) in one object. Built by
/// the executor once per field per parent value.
/// </summary>
public sealed class ResolveFieldContext
{
    private static readonly Dictionary<string, object?> NoArguments = [];

    /// <summary>The parent value: the root value at the top, else the parent field's result.</summary>
    public object? Source { get; init; }

    /// <summary>Coerced arguments, defaults applied; an omitted argument without default is absent.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; init; } = NoArguments;

    /// <summary>The per-request value the host passes in (graphql-js contextValue).</summary>
    public object? UserContext { get; init; }

    public required string FieldName { get; init; }

    /// <summary>Every field node of the merged selection for this response key.</summary>
    public required IReadOnlyList<FieldNode> FieldNodes { get; init; }

    public required FieldDefinition FieldDefinition { get; init; }

    public required ObjectType ParentType { get; init; }

    public GraphQLType ReturnType => FieldDefinition.Type;

    public required ResponsePath Path { get; init; }

    public required GraphQLSchema Schema { get; init; }

    public required IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; init; }

    /// <summary>Coerced variable values of the operation.</summary>
    public required IReadOnlyDictionary<string, object?> VariableValues { get; init; }

    public object? RootValue { get; init; }

    public required OperationDefinitionNode Operation { get; init; }

    public CancellationToken CancellationToken { get; init; }

    /// <summary>The argument converted to T, or fallback when absent or null.</summary>
    public T? GetArgument<T>(string name, T? fallback = default) =>
        Arguments.TryGetValue(name, out var value) && value is not null ? (T)value : fallback;

    public bool HasArgument(string name) => Arguments.ContainsKey(name);
}
