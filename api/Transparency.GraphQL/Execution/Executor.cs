using System.Collections;
using System.Runtime.CompilerServices;
using Transparency.GraphQL.DataLoader;
using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Execution;

/// <summary>
/// Executes an operation (spec Section 6): collects the root fields, runs query fields so
/// that asynchronous ones overlap and mutation fields one after another, completes each value
/// against its type (lists, objects, abstract types, leaves), and propagates null up to the
/// nearest nullable position when a non-null field fails, recording one error with locations
/// and path per failure.
///
/// A value already at hand never costs a Task: every step returns a ValueTask and only goes
/// asynchronous when a resolver really did. A list of N objects collects its sub-fields and
/// coerces each field's arguments once, not N times.
/// </summary>
public static class Executor
{
    /// <summary>
    /// The operation to run (spec GetOperation): the named one, or the only one. Null with an
    /// error when there is none, several without a name, or no operation of that name.
    /// </summary>
    public static OperationDefinitionNode? GetOperation(DocumentNode document, string? operationName, out GraphQLError? error)
    {
        ArgumentNullException.ThrowIfNull(document);
        error = null;
        OperationDefinitionNode? found = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode operation)
            {
                continue;
            }

            if (operationName is null)
            {
                if (found is not null)
                {
                    error = new GraphQLError(
                        "Must provide operation name if query contains multiple operations.",
                        extensions: ErrorCodes.With(ErrorCodes.OperationResolutionFailure));
                    return null;
                }

                found = operation;
            }
            else if (operation.Name?.Value == operationName)
            {
                return operation;
            }
        }

        if (found is null)
        {
            error = new GraphQLError(
                operationName is null ? "Must provide an operation." : $"Unknown operation named \"{operationName}\".",
                extensions: ErrorCodes.With(ErrorCodes.OperationResolutionFailure));
        }

        return found;
    }

    /// <summary>
    /// Selects the operation, coerces variables and executes (graphql-js execute). The document
    /// is assumed valid; request errors come back as results without data.
    /// </summary>
    public static ValueTask<ExecutionResult> ExecuteAsync(ExecutionArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        GraphQLError? operationError = null;
        var operation = args.Operation ?? GetOperation(args.Document, args.OperationName, out operationError);
        if (operation is null)
        {
            return new(ExecutionResult.FromRequestError(ExecutionOutcome.OperationNotFound, operationError!));
        }

        var variables = args.CoercedVariableValues;
        if (variables is null)
        {
            variables = Values.CoerceVariableValues(args.Schema, operation.VariableDefinitions, args.VariableValues, out var errors);
            if (variables is null)
            {
                return new(ExecutionResult.FromRequestErrors(ExecutionOutcome.VariableError, errors, operation));
            }
        }

        return ExecuteOperationAsync(args with { Operation = operation, CoercedVariableValues = variables });
    }

    internal static ValueTask<ExecutionResult> ExecuteOperationAsync(ExecutionArgs args)
    {
        var operation = args.Operation!;
        var rootType = args.Schema.GetRootType(operation.Operation);
        if (rootType is null)
        {
            var kind = operation.Operation.ToString().ToLowerInvariant();
            return new(ExecutionResult.FromData(
                null,
                [new GraphQLError($"Schema is not configured to execute {kind} operation.", [operation])],
                operation));
        }

        CancellationTokenSource? timeout = null;
        var token = args.CancellationToken;
        if (args.Options.Timeout is { } limit)
        {
            timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(limit);
            token = timeout.Token;
        }

        var execution = new OperationExecution(args, rootType, token);

        // Resolver continuations must not queue behind a caller's synchronization context: the
        // DataLoader dispatch relies on them running as soon as their keys are loaded.
        var context = SynchronizationContext.Current;
        ValueTask<object?> root;
        try
        {
            if (context is not null)
            {
                SynchronizationContext.SetSynchronizationContext(null);
            }

            var fields = FieldCollector.Collect(args.Schema, execution.Fragments, execution.Variables, rootType, operation.SelectionSet);
            root = operation.Operation == OperationType.Mutation
                ? execution.ExecuteFieldsSerially(rootType, args.Options.RootValue, fields)
                : execution.ExecuteFields(rootType, args.Options.RootValue, null, fields);
        }
        catch (OperationCanceledException) when (timeout is not null && timeout.IsCancellationRequested && !args.CancellationToken.IsCancellationRequested)
        {
            timeout.Dispose();
            return new(execution.TimedOut(args.Options.Timeout!.Value));
        }
        catch
        {
            timeout?.Dispose();
            throw;
        }
        finally
        {
            if (context is not null)
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }

        if (root.IsCompletedSuccessfully && !execution.HasPendingLoads)
        {
            timeout?.Dispose();
            return new(execution.Finish(root.Result));
        }

        return AwaitRoot(execution, root, timeout, args);
    }

    private static async ValueTask<ExecutionResult> AwaitRoot(
        OperationExecution execution, ValueTask<object?> root, CancellationTokenSource? timeout, ExecutionArgs args)
    {
        try
        {
            var task = root.AsTask();
            await execution.DriveAsync(task).ConfigureAwait(false);
            return execution.Finish(await task.ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (timeout is not null && timeout.IsCancellationRequested && !args.CancellationToken.IsCancellationRequested)
        {
            return execution.TimedOut(args.Options.Timeout!.Value);
        }
        finally
        {
            timeout?.Dispose();
        }
    }
}

/// <summary>
/// The variable values an execution passes to resolvers; also how a resolver finds the
/// execution it runs in (its DataLoaders), since ResolveFieldContext has no slot for it.
/// </summary>
internal sealed class ExecutionVariables(IReadOnlyDictionary<string, object?> values, OperationExecution execution)
    : IReadOnlyDictionary<string, object?>
{
    public OperationExecution Execution { get; } = execution;

    public object? this[string key] => values[key];

    public IEnumerable<string> Keys => values.Keys;

    public IEnumerable<object?> Values => values.Values;

    public int Count => values.Count;

    public bool ContainsKey(string key) => values.ContainsKey(key);

    public bool TryGetValue(string key, out object? value) => values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The state of one execution: caches, collected errors, the DataLoaders of the request.</summary>
internal sealed class OperationExecution
{
    // A non-null position failed: null goes to the nearest nullable parent (spec 6.4.4).
    internal static readonly object Bubble = new();

    // A field the type does not define (only in a document that skipped validation): left out.
    private static readonly object Omit = new();

    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();
    private static readonly object[] SmallIndices = Enumerable.Range(0, 1024).Select(i => (object)i).ToArray();

    private readonly GraphQLSchema _schema;
    private readonly ExecutionArgs _args;
    private readonly ObjectType _rootType;
    private readonly List<GraphQLError> _errors = [];
    private readonly Lock _lock = new();
    private readonly Dictionary<(ObjectType, FieldGroup), FieldGroup[]> _subfields = [];
    private readonly Dictionary<(FieldDefinition, FieldNode), IReadOnlyDictionary<string, object?>> _arguments =
        new(ReferencePairComparer.Instance);

    private DataLoaderContext? _loaders;
    private TaskCompletionSource? _wake;

    public OperationExecution(ExecutionArgs args, ObjectType rootType, CancellationToken token)
    {
        _args = args;
        _schema = args.Schema;
        _rootType = rootType;
        Token = token;
        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in args.Document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                fragments.TryAdd(fragment.Name.Value, fragment);
            }
        }

        Fragments = fragments;
        Variables = new ExecutionVariables(args.CoercedVariableValues!, this);
    }

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    public ExecutionVariables Variables { get; }

    public CancellationToken Token { get; }

    public bool HasPendingLoads => _loaders?.HasPending == true;

    /// <summary>The DataLoaders of this request, created on first use.</summary>
    public DataLoaderContext Loaders
    {
        get
        {
            if (_loaders is null)
            {
                Interlocked.CompareExchange(ref _loaders, new DataLoaderContext(Wake, Token), null);
            }

            return _loaders;
        }
    }

    public ExecutionResult Finish(object? data)
    {
        List<GraphQLError> errors;
        lock (_lock)
        {
            errors = [.. _errors];
        }

        return ExecutionResult.FromData(data as ResultMap, errors, _args.Operation);
    }

    public ExecutionResult TimedOut(TimeSpan limit) => ExecutionResult.FromData(
        null,
        [new GraphQLError(
            $"Execution timed out after {limit.TotalMilliseconds:0} ms.",
            extensions: ErrorCodes.With(ErrorCodes.Timeout))],
        _args.Operation);

    /// <summary>
    /// Waits for the root, dispatching DataLoader batches whenever the tree can make no more
    /// progress without them: every key a level of the tree queued goes out in one batch.
    /// </summary>
    public async Task DriveAsync(Task root)
    {
        // A resolver that ignores its token must not hold the response past a timeout or a
        // cancelled request: stop waiting as soon as the token fires.
        Task? cancelled = null;
        while (!root.IsCompleted)
        {
            Token.ThrowIfCancellationRequested();

            if (_loaders is { HasPending: true } loaders)
            {
                await loaders.DispatchAsync().ConfigureAwait(false);
                continue;
            }

            var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _wake, wake);
            if (_loaders is { HasPending: true })
            {
                continue;
            }

            if (Token.CanBeCanceled)
            {
                cancelled ??= Task.Delay(Timeout.Infinite, Token).ContinueWith(static _ => { }, TaskScheduler.Default);
                await Task.WhenAny(root, wake.Task, cancelled).ConfigureAwait(false);
            }
            else
            {
                await Task.WhenAny(root, wake.Task).ConfigureAwait(false);
            }
        }
    }

    private void Wake() => Volatile.Read(ref _wake)?.TrySetResult();

    /// <summary>Query and subscription fields: all started before any is awaited (spec 6.3.1).</summary>
    public ValueTask<object?> ExecuteFields(ObjectType parentType, object? source, ResponsePath? path, FieldGroup[] fields) =>
        ExecuteFields(parentType, source, path, fields, ResponseKeys(fields));

    // keys: the fields' response keys, shared by every object built from these fields (see ResultMap).
    private ValueTask<object?> ExecuteFields(ObjectType parentType, object? source, ResponsePath? path, FieldGroup[] fields, string[] keys)
    {
        var map = new ResultMap(keys);
        List<(int Index, GraphQLType Type, ValueTask<object?> Value)>? pending = null;
        var bubbled = false;
        for (var i = 0; i < fields.Length; i++)
        {
            var group = fields[i];
            var definition = FieldDefinitionOf(parentType, group);
            if (definition is null)
            {
                continue;
            }

            var value = ExecuteField(parentType, definition, source, group, path);
            if (value.IsCompletedSuccessfully)
            {
                var result = value.Result;
                if (ReferenceEquals(result, Bubble))
                {
                    bubbled = true;
                    if (pending is null)
                    {
                        return new(Bubble);
                    }
                }

                map.Add(group.ResponseKey, result);
            }
            else
            {
                (pending ??= []).Add((map.Count, definition.Type, value));
                map.Add(group.ResponseKey, null);
            }
        }

        if (pending is null)
        {
            return new(map);
        }

        return AwaitFields(map, pending, bubbled);
    }

    private static async ValueTask<object?> AwaitFields(
        ResultMap map, List<(int Index, GraphQLType Type, ValueTask<object?> Value)> pending, bool bubbled)
    {
        foreach (var (index, _, value) in pending)
        {
            var result = await value.ConfigureAwait(false);
            if (ReferenceEquals(result, Bubble))
            {
                bubbled = true;
            }

            map.SetAt(index, result);
        }

        return bubbled ? Bubble : map;
    }

    /// <summary>Mutation fields: each finishes before the next starts (spec 6.3.1, "Normal and Serial Execution").</summary>
    public async ValueTask<object?> ExecuteFieldsSerially(ObjectType parentType, object? source, FieldGroup[] fields)
    {
        var map = new ResultMap(fields.Length);
        foreach (var group in fields)
        {
            var definition = FieldDefinitionOf(parentType, group);
            if (definition is null)
            {
                continue;
            }

            var value = ExecuteField(parentType, definition, source, group, null);
            var result = value.IsCompletedSuccessfully ? value.Result : await DriveUntil(value).ConfigureAwait(false);
            if (ReferenceEquals(result, Bubble))
            {
                return Bubble;
            }

            map.Add(group.ResponseKey, result);
        }

        return map;
    }

    // A mutation field may use DataLoaders; its batches must go out before the next field starts.
    private async Task<object?> DriveUntil(ValueTask<object?> value)
    {
        var task = value.AsTask();
        await DriveAsync(task).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    private FieldDefinition? FieldDefinitionOf(ObjectType parentType, FieldGroup group)
    {
        if (Volatile.Read(ref group.Definition) is { } seen && ReferenceEquals(seen.ObjectType, parentType))
        {
            return seen.Definition;
        }

        var definition = FieldDefinitionOf(parentType, group.FieldName);
        Volatile.Write(ref group.Definition, new DefinitionCache(parentType, definition));
        return definition;
    }

    private FieldDefinition? FieldDefinitionOf(ObjectType parentType, string fieldName)
    {
        if (fieldName.Length > 2 && fieldName[0] == '_' && fieldName[1] == '_')
        {
            switch (fieldName)
            {
                case "__typename":
                    return Introspection.TypeNameMetaField;
                case "__schema" when ReferenceEquals(parentType, _schema.QueryType):
                    return Introspection.SchemaMetaField;
                case "__type" when ReferenceEquals(parentType, _schema.QueryType):
                    return Introspection.TypeMetaField;
            }
        }

        return parentType.GetField(fieldName);
    }

    private ValueTask<object?> ExecuteField(ObjectType parentType, FieldDefinition definition, object? source, FieldGroup group, ResponsePath? parentPath)
    {
        if (ReferenceEquals(definition, Introspection.TypeNameMetaField))
        {
            return new(parentType.Name);
        }

        Token.ThrowIfCancellationRequested();
        var call = new FieldCall(parentType, definition, group, source);

        // The field's path is built only when something reads it: a resolver's context, the
        // children of a list or object, an error. A leaf read by the default resolver (most
        // fields of a page) never needs one.
        ResponsePath? path = null;
        try
        {
            var arguments = definition.Arguments.Count == 0 ? NoArguments : ArgumentsOf(parentType, definition, group);
            object? result;
            if (definition.ResolveFromSource is { } fromSource)
            {
                result = fromSource(source, arguments);
                if (NeedsPath(definition, result))
                {
                    path = new ResponsePath(parentPath, group.ResponseKey);
                }
            }
            else if (definition.ResolveSync is { } resolveSync)
            {
                path = new ResponsePath(parentPath, group.ResponseKey);
                result = resolveSync(call.Context(this, path, arguments));
            }
            else if (definition.Resolve is { } resolve)
            {
                path = new ResponsePath(parentPath, group.ResponseKey);
                var resolved = resolve(call.Context(this, path, arguments));
                if (!resolved.IsCompletedSuccessfully)
                {
                    return ResolveThenComplete(resolved, call, path, arguments);
                }

                result = resolved.Result;
            }
            else
            {
                result = DefaultResolver.Resolve(source, definition.Name, ref group.ResolverCache);
                if (NeedsPath(definition, result))
                {
                    path = new ResponsePath(parentPath, group.ResponseKey);
                }
            }

            // A null path reaches only leaf completion, which reads no path.
            var completed = CompleteValue(definition.Type, call, path!, result, arguments);
            if (completed.IsCompletedSuccessfully)
            {
                return new(NullIfBubble(definition.Type, completed.Result));
            }

            return AwaitField(completed, call, path ?? new ResponsePath(parentPath, group.ResponseKey));
        }
        catch (Exception error) when (IsFieldError(error))
        {
            return new(HandleFieldError(error, definition.Type, group, path ?? new ResponsePath(parentPath, group.ResponseKey)));
        }
    }

    // Only a value still to come or one with children (a list, an object) reads its path.
    private static bool NeedsPath(FieldDefinition definition, object? result) =>
        result is Task || (definition.Type is NonNullType nonNull ? nonNull.OfType : definition.Type) is not (ScalarType or EnumType);

    private async ValueTask<object?> ResolveThenComplete(
        ValueTask<object?> resolved, FieldCall call, ResponsePath path, IReadOnlyDictionary<string, object?> arguments)
    {
        try
        {
            var result = await resolved.ConfigureAwait(false);
            var completed = await CompleteValue(call.Definition.Type, call, path, result, arguments).ConfigureAwait(false);
            return NullIfBubble(call.Definition.Type, completed);
        }
        catch (Exception error) when (IsFieldError(error))
        {
            return HandleFieldError(error, call.Definition.Type, call.Group, path);
        }
    }

    private async ValueTask<object?> AwaitField(ValueTask<object?> completed, FieldCall call, ResponsePath path)
    {
        try
        {
            return NullIfBubble(call.Definition.Type, await completed.ConfigureAwait(false));
        }
        catch (Exception error) when (IsFieldError(error))
        {
            return HandleFieldError(error, call.Definition.Type, call.Group, path);
        }
    }

    // Cancellation of the whole operation is not a field error: it ends the execution.
    private bool IsFieldError(Exception error) => !(error is OperationCanceledException && Token.IsCancellationRequested);

    private static object? NullIfBubble(GraphQLType type, object? value) =>
        ReferenceEquals(value, Bubble) && type is not NonNullType ? null : value;

    private object HandleFieldError(Exception exception, GraphQLType returnType, FieldGroup group, ResponsePath path)
    {
        var error = Locate(exception, group.Nodes, path);
        lock (_lock)
        {
            _errors.Add(error);
        }

        // Null at a non-null position travels up (spec 6.4.4, "Handling Execution Errors").
        return returnType is NonNullType ? Bubble : null!;
    }

    private GraphQLError Locate(Exception exception, IReadOnlyList<FieldNode> nodes, ResponsePath path)
    {
        if (exception is GraphQLError graphQLError)
        {
            if (graphQLError.Path is not null && graphQLError.Locations is not null)
            {
                return graphQLError;
            }

            return new GraphQLError(
                graphQLError.Message,
                graphQLError.Nodes ?? nodes,
                graphQLError.Nodes is null ? null : graphQLError.DocumentSource,
                graphQLError.Nodes is null ? null : graphQLError.Positions,
                graphQLError.Path ?? path.ToList(),
                graphQLError.OriginalError,
                graphQLError.Extensions);
        }

        _args.Options.OnUnexpectedError?.Invoke(exception, path);
        var message = _args.Options.MaskUnexpectedErrors ? "Unexpected error." : exception.Message;
        return new GraphQLError(message, nodes, path: path.ToList(), originalError: exception, extensions: ErrorCodes.With(ErrorCodes.InternalServerError));
    }

    private ValueTask<object?> CompleteValue(GraphQLType type, FieldCall call, ResponsePath path, object? result, IReadOnlyDictionary<string, object?> arguments)
    {
        if (result is Exception exception)
        {
            throw exception;
        }

        if (type is NonNullType nonNull)
        {
            var inner = CompleteValue(nonNull.OfType, call, path, result, arguments);
            if (inner.IsCompletedSuccessfully)
            {
                return inner.Result is null ? throw NullInNonNull(call) : inner;
            }

            return AwaitNonNull(inner, call);
        }

        if (result is null)
        {
            return new((object?)null);
        }

        if (result is Task task)
        {
            return AwaitValueThenComplete(type, call, path, task, arguments);
        }

        switch (type)
        {
            case ScalarType scalar:
                var serialized = scalar.Serialize(result is System.Text.Json.JsonElement json ? DefaultResolver.FromJson(json) : result);
                return serialized is null
                    ? throw new GraphQLError($"Expected `{scalar.Name}.serialize({Inspect.Value(result)})` to return non-nullable value, returned: null")
                    : new(serialized);
            case EnumType enumType:
                return new(enumType.Serialize(result));
            case ListType list:
                return CompleteList(list, call, path, result, arguments);
            case ObjectType objectType:
                return CompleteObject(objectType, call, path, result, arguments);
            case InterfaceType or UnionType:
                return CompleteObject(ResolveRuntimeType((NamedType)type, call, path, result, arguments), call, path, result, arguments);
            default:
                throw new InvalidOperationException($"Cannot complete value of unexpected output type: {type}.");
        }
    }

    private static GraphQLError NullInNonNull(FieldCall call) =>
        new($"Cannot return null for non-nullable field {call.ParentType.Name}.{call.Definition.Name}.");

    private static async ValueTask<object?> AwaitNonNull(ValueTask<object?> inner, FieldCall call) =>
        await inner.ConfigureAwait(false) ?? throw NullInNonNull(call);

    private async ValueTask<object?> AwaitValueThenComplete(
        GraphQLType type, FieldCall call, ResponsePath path, Task task, IReadOnlyDictionary<string, object?> arguments)
    {
        await task.ConfigureAwait(false);
        return await CompleteValue(type, call, path, TaskResults.Get(task), arguments).ConfigureAwait(false);
    }

    private ValueTask<object?> CompleteList(ListType list, FieldCall call, ResponsePath path, object result, IReadOnlyDictionary<string, object?> arguments)
    {
        if (result is string or IDictionary || result is not IEnumerable enumerable)
        {
            throw new GraphQLError($"Expected Iterable, but did not find one for field \"{call.ParentType.Name}.{call.Definition.Name}\".");
        }

        var itemType = list.OfType;

        // The response list itself, sized from the collection when it says how many (nearly
        // always): no List to copy from at the end.
        var items = new object?[result is ICollection collection ? collection.Count : 4];
        List<(int Index, ResponsePath Path, ValueTask<object?> Value)>? pending = null;
        var bubbled = false;
        var index = 0;
        foreach (var item in enumerable)
        {
            var itemPath = new ResponsePath(path, index < SmallIndices.Length ? SmallIndices[index] : index);
            ValueTask<object?> completed;
            try
            {
                completed = CompleteValue(itemType, call, itemPath, item, arguments);
            }
            catch (Exception error) when (IsFieldError(error))
            {
                completed = new(HandleFieldError(error, itemType, call.Group, itemPath));
            }

            if (index == items.Length)
            {
                Array.Resize(ref items, Math.Max(4, items.Length * 2));
            }

            if (completed.IsCompletedSuccessfully)
            {
                var value = NullIfBubble(itemType, completed.Result);
                bubbled |= ReferenceEquals(value, Bubble);
                items[index] = value;
            }
            else
            {
                (pending ??= []).Add((index, itemPath, completed));
            }

            index++;
        }

        if (index != items.Length)
        {
            Array.Resize(ref items, index);
        }

        if (pending is not null)
        {
            return AwaitItems(items, itemType, call, pending, bubbled);
        }

        return new(bubbled ? Bubble : items);
    }

    private async ValueTask<object?> AwaitItems(
        object?[] items, GraphQLType itemType, FieldCall call, List<(int Index, ResponsePath Path, ValueTask<object?> Value)> pending, bool bubbled)
    {
        foreach (var (index, itemPath, completed) in pending)
        {
            object? value;
            try
            {
                value = NullIfBubble(itemType, await completed.ConfigureAwait(false));
            }
            catch (Exception error) when (IsFieldError(error))
            {
                value = NullIfBubble(itemType, HandleFieldError(error, itemType, call.Group, itemPath));
            }

            bubbled |= ReferenceEquals(value, Bubble);
            items[index] = value;
        }

        return bubbled ? Bubble : items;
    }

    private ValueTask<object?> CompleteObject(ObjectType objectType, FieldCall call, ResponsePath path, object result, IReadOnlyDictionary<string, object?> arguments)
    {
        if (objectType.IsTypeOf is { } isTypeOf && !isTypeOf(result, call.Context(this, path, arguments)))
        {
            throw new GraphQLError($"Expected value of type \"{objectType.Name}\" but got: {Inspect.Value(result)}.");
        }

        var subfields = SubfieldsOf(objectType, call.Group);
        return ExecuteFields(objectType, result, path, subfields.Fields, subfields.Keys);
    }

    private ObjectType ResolveRuntimeType(NamedType abstractType, FieldCall call, ResponsePath path, object value, IReadOnlyDictionary<string, object?> arguments)
    {
        var resolver = ((IAbstractType)abstractType).ResolveType;
        var runtimeType = resolver?.Invoke(value, call.Context(this, path, arguments), (IAbstractType)abstractType);
        if (runtimeType is null && DefaultResolver.TypeName(value) is { } typeName)
        {
            runtimeType = _schema.GetType(typeName) switch
            {
                null => throw new GraphQLError($"Abstract type \"{abstractType.Name}\" was resolved to a type \"{typeName}\" that does not exist inside the schema."),
                ObjectType objectType => objectType,
                _ => throw new GraphQLError($"Abstract type \"{abstractType.Name}\" was resolved to a non-object type \"{typeName}\"."),
            };
        }

        if (runtimeType is null)
        {
            foreach (var possible in _schema.GetPossibleTypes(abstractType))
            {
                var matches = possible.IsTypeOf is { } isTypeOf
                    ? isTypeOf(value, call.Context(this, path, arguments))
                    : possible.ClrType is { } clrType && clrType.IsInstanceOfType(value);
                if (matches)
                {
                    return possible;
                }
            }

            throw new GraphQLError(
                $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{call.ParentType.Name}.{call.Definition.Name}\". "
                + $"Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.");
        }

        if (!ReferenceEquals(_schema.GetType(runtimeType.Name), runtimeType))
        {
            throw new GraphQLError($"Abstract type \"{abstractType.Name}\" was resolved to a type \"{runtimeType.Name}\" that does not exist inside the schema.");
        }

        if (!_schema.IsSubType(abstractType, runtimeType))
        {
            throw new GraphQLError($"Runtime Object type \"{runtimeType.Name}\" is not a possible type for \"{abstractType.Name}\".");
        }

        return runtimeType;
    }

    private SubfieldCache SubfieldsOf(ObjectType objectType, FieldGroup group)
    {
        if (Volatile.Read(ref group.Subfields) is { } seen && ReferenceEquals(seen.ObjectType, objectType))
        {
            return seen;
        }

        var fields = SubfieldsOfUncached(objectType, group);
        var subfields = new SubfieldCache(objectType, fields, ResponseKeys(fields));
        Volatile.Write(ref group.Subfields, subfields);
        return subfields;
    }

    private static string[] ResponseKeys(FieldGroup[] fields)
    {
        var keys = new string[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            keys[i] = fields[i].ResponseKey;
        }

        return keys;
    }

    private FieldGroup[] SubfieldsOfUncached(ObjectType objectType, FieldGroup group)
    {
        lock (_lock)
        {
            if (_subfields.TryGetValue((objectType, group), out var cached))
            {
                return cached;
            }
        }

        var collected = FieldCollector.CollectSubfields(_schema, Fragments, Variables, objectType, group.Nodes);
        lock (_lock)
        {
            _subfields[(objectType, group)] = collected;
        }

        return collected;
    }

    private IReadOnlyDictionary<string, object?> ArgumentsOf(ObjectType parentType, FieldDefinition definition, FieldGroup group)
    {
        if (Volatile.Read(ref group.Arguments) is { } seen && ReferenceEquals(seen.Definition, definition))
        {
            return seen.Values;
        }

        var values = ArgumentsOf(parentType, definition, group.First);
        Volatile.Write(ref group.Arguments, new ArgumentCache(definition, values));
        return values;
    }

    private IReadOnlyDictionary<string, object?> ArgumentsOf(ObjectType parentType, FieldDefinition definition, FieldNode node)
    {
        lock (_lock)
        {
            if (_arguments.TryGetValue((definition, node), out var cached))
            {
                return cached;
            }
        }

        var coerced = Values.CoerceArgumentValues(
            definition.Arguments,
            node.Arguments,
            node,
            Variables,
            argument => $"Argument \"{parentType.Name}.{definition.Name}({argument.Name}:)\"");
        lock (_lock)
        {
            _arguments[(definition, node)] = coerced;
        }

        return coerced;
    }

    internal ResolveFieldContext BuildContext(FieldCall call, ResponsePath path, IReadOnlyDictionary<string, object?> arguments) => new()
    {
        Source = call.Source,
        Arguments = arguments,
        UserContext = _args.UserContext,
        FieldName = call.Definition.Name,
        FieldNodes = call.Group.Nodes,
        FieldDefinition = call.Definition,
        ParentType = call.ParentType,
        Path = path,
        Schema = _schema,
        Fragments = Fragments,
        VariableValues = Variables,
        RootValue = _args.Options.RootValue,
        Operation = _args.Operation!,
        CancellationToken = Token,
    };

    internal readonly record struct FieldCall(ObjectType ParentType, FieldDefinition Definition, FieldGroup Group, object? Source)
    {
        public ResolveFieldContext Context(OperationExecution execution, ResponsePath path, IReadOnlyDictionary<string, object?> arguments) =>
            execution.BuildContext(this, path, arguments);
    }

    private sealed class ReferencePairComparer : IEqualityComparer<(FieldDefinition, FieldNode)>
    {
        public static readonly ReferencePairComparer Instance = new();

        public bool Equals((FieldDefinition, FieldNode) x, (FieldDefinition, FieldNode) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((FieldDefinition, FieldNode) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Item1), RuntimeHelpers.GetHashCode(obj.Item2));
    }
}
