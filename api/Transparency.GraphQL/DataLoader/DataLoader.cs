namespace Transparency.GraphQL.DataLoader;

/// <summary>
/// Batches and caches loads of one kind within one request (the DataLoader pattern): LoadAsync
/// queues a key and returns a task; when the executor dispatches, every queued key goes to the
/// batch function in one call. A key asked for twice in a request is loaded once.
/// </summary>
public sealed class DataLoader<TKey, TValue> : IDispatchable
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _batch;
    private readonly DataLoaderContext _context;
    private readonly int _maxBatchSize;
    private readonly Dictionary<TKey, TaskCompletionSource<TValue?>> _cache = [];
    private readonly Lock _lock = new();
    private List<TKey> _queue = [];
    private int _batchCount;

    internal DataLoader(
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batch,
        DataLoaderContext context,
        int maxBatchSize)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _batch = batch;
        _context = context;
        _maxBatchSize = maxBatchSize;
    }

    /// <summary>How many times the batch function was called (for tests and metrics).</summary>
    public int BatchCount => Volatile.Read(ref _batchCount);

    public bool HasPending
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count > 0;
            }
        }
    }

    /// <summary>The value for key, once the batch it joins has run; default when the batch did not return it.</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        bool first;
        TaskCompletionSource<TValue?> promise;
        lock (_lock)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached.Task;
            }

            // Continuations run inline when the batch completes, so the next level of the tree
            // queues its keys before the executor looks for more work.
            promise = new TaskCompletionSource<TValue?>();
            _cache[key] = promise;
            _queue.Add(key);
            first = _queue.Count == 1;
        }

        if (first)
        {
            _context.NotifyPending();
        }

        return promise.Task;
    }

    /// <summary>The values for several keys, in order.</summary>
    public Task<TValue?[]> LoadManyAsync(IEnumerable<TKey> keys) => Task.WhenAll(keys.Select(LoadAsync));

    /// <summary>Primes the cache with a value already known (e.g. loaded through another key).</summary>
    public void Prime(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (!_cache.ContainsKey(key))
            {
                var promise = new TaskCompletionSource<TValue?>();
                promise.SetResult(value);
                _cache[key] = promise;
            }
        }
    }

    Task IDispatchable.DispatchAsync() => DispatchAsync();

    private async Task DispatchAsync()
    {
        List<TKey> keys;
        lock (_lock)
        {
            keys = _queue;
            _queue = [];
        }

        var size = _maxBatchSize > 0 ? _maxBatchSize : keys.Count;
        var batches = new List<Task>();
        for (var start = 0; start < keys.Count; start += size)
        {
            batches.Add(RunBatchAsync(keys.GetRange(start, Math.Min(size, keys.Count - start))));
        }

        await Task.WhenAll(batches).ConfigureAwait(false);
    }

    private async Task RunBatchAsync(List<TKey> keys)
    {
        Interlocked.Increment(ref _batchCount);
        IReadOnlyDictionary<TKey, TValue> found;
        try
        {
            found = await _batch(keys, _context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            foreach (var key in keys)
            {
                PromiseOf(key).TrySetException(error);
            }

            return;
        }

        foreach (var key in keys)
        {
            PromiseOf(key).TrySetResult(found.TryGetValue(key, out var value) ? value : default);
        }
    }

    private TaskCompletionSource<TValue?> PromiseOf(TKey key)
    {
        lock (_lock)
        {
            return _cache[key];
        }
    }
}
