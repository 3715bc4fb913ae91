using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Execution;

/// <summary>How far a request got; decides the HTTP status code of a GraphQL-over-HTTP response.</summary>
public enum ExecutionOutcome
{
    /// <summary>Execution started: the response has a "data" entry (possibly null), maybe field errors.</summary>
    Executed,

    /// <summary>No document text (and none stood in for it).</summary>
    MissingQuery,

    /// <summary>The document did not parse.</summary>
    SyntaxError,

    /// <summary>The document failed validation (the spec's rules or extra rules).</summary>
    ValidationError,

    /// <summary>No operation to run: none in the document, several without operationName, or the name is unknown.</summary>
    OperationNotFound,

    /// <summary>Variable values did not coerce (spec Section 6.1, CoerceVariableValues).</summary>
    VariableError,

    /// <summary>An operation check (a host hook) refused the operation, e.g. a mutation over GET.</summary>
    Rejected,
}

/// <summary>
/// The response of a request (spec Section 7.1): data, errors, extensions. <see cref="HasData"/>
/// tells a request error (no "data" entry at all: nothing ran) from an execution that produced
/// <c>"data": null</c> because a non-null root field failed.
/// </summary>
public sealed class ExecutionResult
{
    private static readonly IReadOnlyList<GraphQLError> NoErrors = [];

    private ExecutionResult(ExecutionOutcome outcome, bool hasData, ResultMap? data, IReadOnlyList<GraphQLError> errors)
    {
        Outcome = outcome;
        HasData = hasData;
        Data = data;
        Errors = errors;
    }

    public ExecutionOutcome Outcome { get; }

    /// <summary>Whether the response has a "data" entry (execution started).</summary>
    public bool HasData { get; }

    /// <summary>The data, in selection order; null when absent or when null propagated to the root.</summary>
    public ResultMap? Data { get; }

    /// <summary>Errors in the order they were raised; empty when none (then "errors" is not written).</summary>
    public IReadOnlyList<GraphQLError> Errors { get; }

    /// <summary>Response extensions (written last); null or empty writes none.</summary>
    public IDictionary<string, object?>? Extensions { get; set; }

    /// <summary>The operation that ran or was refused, once one was selected.</summary>
    public OperationDefinitionNode? Operation { get; init; }

    /// <summary>A result of an execution: data (null when the root was nulled) and field errors.</summary>
    public static ExecutionResult FromData(
        ResultMap? data, IReadOnlyList<GraphQLError>? errors = null, OperationDefinitionNode? operation = null) =>
        new(ExecutionOutcome.Executed, true, data, errors is { Count: > 0 } ? errors : NoErrors) { Operation = operation };

    /// <summary>A request error: no data entry at all.</summary>
    public static ExecutionResult FromRequestErrors(
        ExecutionOutcome outcome, IReadOnlyList<GraphQLError> errors, OperationDefinitionNode? operation = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (outcome == ExecutionOutcome.Executed)
        {
            throw new ArgumentException("A request error has an outcome other than Executed.", nameof(outcome));
        }

        return new(outcome, false, null, errors) { Operation = operation };
    }

    public static ExecutionResult FromRequestError(ExecutionOutcome outcome, GraphQLError error) => FromRequestErrors(outcome, [error]);

    /// <summary>The result as JSON text in the spec's key order (tests, logs; hosts stream with ResultWriter).</summary>
    public string ToJson(bool indented = false) => ResultWriter.ToJson(this, indented);
}
