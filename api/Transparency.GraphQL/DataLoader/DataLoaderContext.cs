using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.DataLoader;

/// <summary>A loader the context can dispatch without knowing its key and value types.</summary>
internal interface IDispatchable
{
    bool HasPending { get; }

    Task DispatchAsync();
}

/// <summary>
/// The DataLoaders of one request. Loaders are created on first use by name, so every resolver
/// of the request that asks for "caseById" shares one loader, one batch and one cache. The
/// executor dispatches whenever the tree cannot progress without loaded keys, so all keys a
/// level of the tree queued go out in one batch call.
/// </summary>
public sealed class DataLoaderContext
{
    private readonly Dictionary<string, object> _loaders = new(StringComparer.Ordinal);
    private readonly List<IDispatchable> _dispatchables = [];
    private readonly Lock _lock = new();
    private readonly Action? _onPending;

    /// <summary>A context for use outside the executor; call <see cref="DispatchAsync"/> to send batches.</summary>
    public DataLoaderContext(CancellationToken cancellationToken = default)
        : this(null, cancellationToken)
    {
    }

    internal DataLoaderContext(Action? onPending, CancellationToken cancellationToken)
    {
        CancellationToken = cancellationToken;
        _onPending = onPending;
    }

    public CancellationToken CancellationToken { get; }

    /// <summary>Whether some loader has keys queued and not yet sent.</summary>
    public bool HasPending
    {
        get
        {
            lock (_lock)
            {
                foreach (var loader in _dispatchables)
                {
                    if (loader.HasPending)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The loader called name, created with batch on first use. batch receives distinct keys
    /// and returns the values it found; a key it leaves out loads as default (null).
    /// </summary>
    public DataLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batch,
        int maxBatchSize = 0)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            if (_loaders.TryGetValue(name, out var existing))
            {
                return existing as DataLoader<TKey, TValue>
                    ?? throw new InvalidOperationException($"DataLoader \"{name}\" was created with other key or value types.");
            }

            var loader = new DataLoader<TKey, TValue>(batch, this, maxBatchSize);
            _loaders[name] = loader;
            _dispatchables.Add(loader);
            return loader;
        }
    }

    /// <summary>Sends every queued key of every loader, one batch per loader, and waits for them all.</summary>
    public Task DispatchAsync()
    {
        List<Task>? running = null;
        IDispatchable[] loaders;
        lock (_lock)
        {
            loaders = [.. _dispatchables];
        }

        foreach (var loader in loaders)
        {
            if (loader.HasPending)
            {
                (running ??= []).Add(loader.DispatchAsync());
            }
        }

        return running is null ? Task.CompletedTask : Task.WhenAll(running);
    }

    internal void NotifyPending() => _onPending?.Invoke();
}

/// <summary>How a resolver reaches the DataLoaders of the request it runs in.</summary>
public static class DataLoaderExtensions
{
    /// <summary>The request's DataLoaders (one context per execution, created on first use).</summary>
    public static DataLoaderContext DataLoaders(this ResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.VariableValues is ExecutionVariables variables
            ? variables.Execution.Loaders
            : throw new InvalidOperationException("DataLoaders are available only to resolvers run by the Executor.");
    }

    /// <summary>Shorthand: the request's loader called name (see <see cref="DataLoaderContext.GetOrAdd"/>).</summary>
    public static DataLoader<TKey, TValue> GetDataLoader<TKey, TValue>(
        this ResolveFieldContext context,
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batch,
        int maxBatchSize = 0)
        where TKey : notnull =>
        context.DataLoaders().GetOrAdd(name, batch, maxBatchSize);
}
