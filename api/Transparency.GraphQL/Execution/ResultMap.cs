using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Transparency.GraphQL.Execution;

/// <summary>
/// One object of the response: response keys in selection order (spec Section 6.3, "ordered
/// map") and their values. Values are null, strings, booleans, numbers, nested ResultMaps and
/// <c>object?[]</c> lists. Two parallel arrays sized once from the collected fields; the objects
/// of a list share one array of keys (copied only if one of them is built differently), so
/// building an object costs two allocations and reading it stays in order.
/// </summary>
[SuppressMessage("Naming", "CA1710", Justification = "A response object, named as the spec does.")]
public sealed class ResultMap : IReadOnlyDictionary<string, object?>
{
    private string[] _keys;
    private object?[] _values;
    private int _count;

    // Whether _keys belongs to others too: then it is read, never written.
    private bool _sharedKeys;

    public ResultMap(int capacity = 4)
    {
        _keys = capacity == 0 ? [] : new string[capacity];
        _values = capacity == 0 ? [] : new object?[capacity];
    }

    /// <summary>A map expected to get exactly these keys in this order; keys is shared, never written.</summary>
    internal ResultMap(string[] keys)
    {
        _keys = keys;
        _values = keys.Length == 0 ? [] : new object?[keys.Length];
        _sharedKeys = true;
    }

    public int Count => _count;

    public IEnumerable<string> Keys => _keys.Take(_count);

    public IEnumerable<object?> Values => _values.Take(_count);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <summary>The key at position index (selection order).</summary>
    public string KeyAt(int index) => _keys[index];

    public object? ValueAt(int index) => _values[index];

    /// <summary>Appends a key; the executor never adds one twice (merged fields share a key).</summary>
    public void Add(string key, object? value)
    {
        if (_sharedKeys)
        {
            if (_count < _keys.Length && ReferenceEquals(_keys[_count], key))
            {
                _values[_count++] = value;
                return;
            }

            _keys = (string[])_keys.Clone();
            _sharedKeys = false;
        }

        if (_count == _keys.Length)
        {
            var size = Math.Max(4, _count * 2);
            Array.Resize(ref _keys, size);
            Array.Resize(ref _values, size);
        }

        _keys[_count] = key;
        _values[_count] = value;
        _count++;
    }

    internal void SetAt(int index, object? value) => _values[index] = value;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<string, object?>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
