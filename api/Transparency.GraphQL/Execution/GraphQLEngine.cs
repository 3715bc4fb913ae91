using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Validation;

namespace Transparency.GraphQL.Execution;

/// <summary>
/// An extra validation rule run with the spec's rules (depth, cost, alias limits). It sees only
/// the document, so its verdict is cached with the document. Return no errors to accept.
/// </summary>
public delegate IEnumerable<GraphQLError> DocumentRule(GraphQLSchema schema, DocumentNode document);

/// <summary>
/// A per-request check between variable coercion and execution: sees the selected operation and
/// the coerced variables (a cost limit that multiplies by <c>first: $n</c>; refusing a mutation
/// over GET). Return null to let the operation run, or an error to refuse it.
/// </summary>
public delegate GraphQLError? OperationCheck(OperationCheckContext context);

/// <summary>What an <see cref="OperationCheck"/> sees.</summary>
public sealed class OperationCheckContext
{
    public required GraphQLSchema Schema { get; init; }

    public required DocumentNode Document { get; init; }

    public required OperationDefinitionNode Operation { get; init; }

    /// <summary>Coerced variable values (defaults applied).</summary>
    public required IReadOnlyDictionary<string, object?> VariableValues { get; init; }

    public required GraphQLRequest Request { get; init; }

    public object? UserContext { get; init; }

    /// <summary>
    /// Entries a check adds to the response's extensions (the operation's price, when the client
    /// asked for it), written whether the operation then runs or is refused. Null until one is added.
    /// </summary>
    public IDictionary<string, object?>? ResponseExtensions { get; set; }
}

/// <summary>Settings of a <see cref="GraphQLEngine"/>.</summary>
public sealed record GraphQLEngineOptions
{
    /// <summary>How many parsed and validated documents to keep, keyed by query text.</summary>
    public int MaxCachedDocuments { get; init; } = 1000;

    /// <summary>Query text longer than this is parsed every time and never cached.</summary>
    public int MaxCachedQueryLength { get; init; } = 64 * 1024;

    /// <summary>Parser limits (token count, depth) for documents from the public.</summary>
    public ParseOptions ParseOptions { get; init; } = new() { MaxTokens = 15_000 };

    /// <summary>Rules run after the spec's validation, only when it passed; cached with the document.</summary>
    public IReadOnlyList<DocumentRule> ValidationRules { get; init; } = [];

    /// <summary>Checks run on every request once its operation and variables are known.</summary>
    public IReadOnlyList<OperationCheck> OperationChecks { get; init; } = [];

    /// <summary>Execution settings: root value, timeout, error masking, parallelism.</summary>
    public ExecutionOptions Execution { get; init; } = new();
}

/// <summary>
/// A document after parsing and validation, as the engine caches it. Either Document is set and
/// Errors is empty, or Errors says why (syntax or validation) and Outcome which.
/// </summary>
public sealed class PreparedDocument
{
    internal PreparedDocument(DocumentNode? document, ExecutionOutcome outcome, IReadOnlyList<GraphQLError> errors)
    {
        Document = document;
        Outcome = outcome;
        Errors = errors;
    }

    public DocumentNode? Document { get; }

    /// <summary>Executed when the document is ready to run; SyntaxError or ValidationError otherwise.</summary>
    public ExecutionOutcome Outcome { get; }

    public IReadOnlyList<GraphQLError> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    internal long LastUsed;
}

/// <summary>
/// The engine's front door: parse, validate, coerce variables and execute a request, with a
/// bounded cache of parsed and validated documents keyed by query text (the hot path of a public
/// API sees the same few documents again and again). Thread-safe; one instance per schema.
/// </summary>
public sealed class GraphQLEngine
{
    private readonly DocumentCache _cache;

    public GraphQLEngine(GraphQLSchema schema, GraphQLEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        Options = options ?? new GraphQLEngineOptions();
        _cache = new DocumentCache(Options.MaxCachedDocuments);
    }

    public GraphQLSchema Schema { get; }

    public GraphQLEngineOptions Options { get; }

    /// <summary>Number of documents in the cache (for metrics and tests).</summary>
    public int CachedDocumentCount => _cache.Count;

    /// <summary>Parses and validates query text, or returns the cached outcome of having done so.</summary>
    public PreparedDocument Prepare(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > Options.MaxCachedQueryLength)
        {
            return PrepareUncached(query);
        }

        return _cache.GetOrAdd(query, PrepareUncached);
    }

    /// <summary>
    /// Runs a request: parse and validate (cached), select the operation, coerce variables, run
    /// the engine's operation checks, then execute.
    /// Never throws for a bad request: every failure is an ExecutionResult with errors.
    /// </summary>
    public ValueTask<ExecutionResult> ExecuteAsync(
        GraphQLRequest request,
        object? userContext = null,
        CancellationToken cancellationToken = default) =>
        ExecuteAsync(request, userContext, null, cancellationToken);

    /// <summary>As above, with one more operation check for this request only (e.g. no mutations over GET), run before the engine's.</summary>
    public async ValueTask<ExecutionResult> ExecuteAsync(
        GraphQLRequest request,
        object? userContext,
        OperationCheck? check,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Query))
        {
            return ExecutionResult.FromRequestError(
                ExecutionOutcome.MissingQuery,
                new GraphQLError("Must provide query string.", extensions: ErrorCodes.With(ErrorCodes.BadRequest)));
        }

        var prepared = Prepare(request.Query);
        if (!prepared.IsValid)
        {
            return ExecutionResult.FromRequestErrors(prepared.Outcome, prepared.Errors);
        }

        var document = prepared.Document!;
        var operation = Executor.GetOperation(document, request.OperationName, out var operationError);
        if (operation is null)
        {
            return ExecutionResult.FromRequestError(ExecutionOutcome.OperationNotFound, operationError!);
        }

        var coerced = Values.CoerceVariableValues(Schema, operation.VariableDefinitions, request.Variables, out var variableErrors);
        if (coerced is null)
        {
            return ExecutionResult.FromRequestErrors(ExecutionOutcome.VariableError, variableErrors, operation);
        }

        OperationCheckContext? context = null;
        if (Options.OperationChecks.Count > 0 || check is not null)
        {
            context = new OperationCheckContext
            {
                Schema = Schema,
                Document = document,
                Operation = operation,
                VariableValues = coerced,
                Request = request,
                UserContext = userContext,
            };
            // The caller's own check first: a transport's refusal (no mutation over GET) comes
            // before pricing what would not run anyway.
            if (check?.Invoke(context) is { } refused)
            {
                return WithCheckExtensions(ExecutionResult.FromRequestErrors(ExecutionOutcome.Rejected, [refused], operation), context);
            }

            foreach (var engineCheck in Options.OperationChecks)
            {
                if (engineCheck(context) is { } refusal)
                {
                    return WithCheckExtensions(ExecutionResult.FromRequestErrors(ExecutionOutcome.Rejected, [refusal], operation), context);
                }
            }
        }

        var result = await Executor.ExecuteOperationAsync(
            new ExecutionArgs
            {
                Schema = Schema,
                Document = document,
                Operation = operation,
                CoercedVariableValues = coerced,
                UserContext = userContext,
                Options = Options.Execution,
                CancellationToken = cancellationToken,
            });
        return context is null ? result : WithCheckExtensions(result, context);
    }

    private static ExecutionResult WithCheckExtensions(ExecutionResult result, OperationCheckContext context)
    {
        if (context.ResponseExtensions is { Count: > 0 } added)
        {
            result.Extensions ??= new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, value) in added)
            {
                result.Extensions[key] = value;
            }
        }

        return result;
    }

    private PreparedDocument PrepareUncached(string query)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(new Source(query), Options.ParseOptions);
        }
        catch (GraphQLError syntaxError)
        {
            return new PreparedDocument(null, ExecutionOutcome.SyntaxError, [ErrorCodes.Ensure(syntaxError, ErrorCodes.ParseFailed)]);
        }

        var errors = new List<GraphQLError>();
        foreach (var error in DocumentValidator.Validate(Schema, document))
        {
            errors.Add(ErrorCodes.Ensure(error, ErrorCodes.ValidationFailed));
        }

        if (errors.Count == 0)
        {
            foreach (var rule in Options.ValidationRules)
            {
                foreach (var error in rule(Schema, document))
                {
                    errors.Add(ErrorCodes.Ensure(error, ErrorCodes.ValidationFailed));
                }
            }
        }

        return errors.Count == 0
            ? new PreparedDocument(document, ExecutionOutcome.Executed, [])
            : new PreparedDocument(null, ExecutionOutcome.ValidationError, errors);
    }
}
