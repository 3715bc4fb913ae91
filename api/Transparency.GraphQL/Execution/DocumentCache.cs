using System.Collections.Concurrent;

namespace Transparency.GraphQL.Execution;

/// <summary>
/// A bounded map from query text to its prepared document. Lookups are lock-free; when the map
/// grows past its bound, the least recently used quarter is dropped in one sweep, so the cost of
/// eviction is paid rarely and never on the hit path.
/// </summary>
internal sealed class DocumentCache(int capacity)
{
    private readonly ConcurrentDictionary<string, PreparedDocument> _entries = new(StringComparer.Ordinal);
    private readonly Lock _sweep = new();
    private long _clock;

    public int Count => _entries.Count;

    public PreparedDocument GetOrAdd(string query, Func<string, PreparedDocument> prepare)
    {
        if (capacity <= 0)
        {
            return prepare(query);
        }

        if (_entries.TryGetValue(query, out var hit))
        {
            hit.LastUsed = Interlocked.Increment(ref _clock);
            return hit;
        }

        var prepared = _entries.GetOrAdd(query, prepare);
        prepared.LastUsed = Interlocked.Increment(ref _clock);
        if (_entries.Count > capacity)
        {
            Evict();
        }

        return prepared;
    }

    private void Evict()
    {
        lock (_sweep)
        {
            var excess = _entries.Count - capacity;
            if (excess <= 0)
            {
                return;
            }

            // ToArray is the dictionary's own atomic snapshot: LINQ over the live map races with
            // concurrent adds (its count and its copy disagree, and the copy throws).
            var victims = _entries.ToArray()
                .OrderBy(entry => entry.Value.LastUsed)
                .Take(Math.Max(excess, capacity / 4))
                .Select(entry => entry.Key)
                .ToList();
            foreach (var key in victims)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }
}
