using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Execution;

/// <summary>How operations run.</summary>
public sealed record ExecutionOptions
{
    /// <summary>The source value of the root fields (graphql-js rootValue).</summary>
    public object? RootValue { get; init; }

    /// <summary>
    /// After this long the operation stops: unfinished fields are abandoned and the response is
    /// <c>"data": null</c> with one TIMEOUT error. Null: no limit (the caller's token still applies).
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// When true, exceptions from resolvers that are not GraphQLErrors are reported as
    /// "Unexpected error." with code INTERNAL_SERVER_ERROR, so internals do not leak to the
    /// public. graphql-js reports the exception's message; false does the same.
    /// </summary>
    public bool MaskUnexpectedErrors { get; init; }

    /// <summary>Called with every exception a resolver throws that is not a GraphQLError (logging).</summary>
    public Action<Exception, ResponsePath>? OnUnexpectedError { get; init; }
}

/// <summary>Everything one execution needs (graphql-js ExecutionArgs), for callers that skip the engine.</summary>
public sealed record ExecutionArgs
{
    public required GraphQLSchema Schema { get; init; }

    public required DocumentNode Document { get; init; }

    /// <summary>The operation to run; when null it is selected from the document by OperationName.</summary>
    public OperationDefinitionNode? Operation { get; init; }

    public string? OperationName { get; init; }

    /// <summary>Raw variable values, coerced before execution (ignored when CoercedVariableValues is set).</summary>
    public IReadOnlyDictionary<string, object?>? VariableValues { get; init; }

    /// <summary>Variable values already coerced (the engine coerces before its operation checks).</summary>
    public IReadOnlyDictionary<string, object?>? CoercedVariableValues { get; init; }

    public object? UserContext { get; init; }

    public ExecutionOptions Options { get; init; } = new();

    public CancellationToken CancellationToken { get; init; }
}
