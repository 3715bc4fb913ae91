namespace Transparency.GraphQL.Validation.Rules.Overlap;

/// <summary>
/// Pairs already compared, where the order of the pair matters. Each pair remembers whether it
/// was compared under mutually exclusive parents only ("weakly") or without that excuse: a
/// comparison without exclusivity checks everything one with it would, but not the reverse.
/// </summary>
internal sealed class OrderedPairSet<TFirst, TSecond>(IEqualityComparer<TFirst> firstComparer)
    where TFirst : notnull
    where TSecond : notnull
{
    private readonly Dictionary<TFirst, Dictionary<TSecond, bool>> _data = new(firstComparer);

    public bool Has(TFirst a, TSecond b, bool weaklyPresent)
    {
        if (!_data.TryGetValue(a, out var inner) || !inner.TryGetValue(b, out var storedWeak))
        {
            return false;
        }

        // Asking "weakly" is answered by either kind of entry; asking strongly needs a strong one.
        return weaklyPresent || !storedWeak;
    }

    public void Add(TFirst a, TSecond b, bool weaklyPresent)
    {
        if (!_data.TryGetValue(a, out var inner))
        {
            inner = [];
            _data[a] = inner;
        }

        inner[b] = weaklyPresent;
    }
}

/// <summary>Pairs of fragment names already compared, where the order of the pair does not matter.</summary>
internal sealed class FragmentPairSet
{
    private readonly OrderedPairSet<string, string> _pairs = new(StringComparer.Ordinal);

    public bool Has(string a, string b, bool weaklyPresent) =>
        string.CompareOrdinal(a, b) < 0 ? _pairs.Has(a, b, weaklyPresent) : _pairs.Has(b, a, weaklyPresent);

    public void Add(string a, string b, bool weaklyPresent)
    {
        if (string.CompareOrdinal(a, b) < 0)
        {
            _pairs.Add(a, b, weaklyPresent);
        }
        else
        {
            _pairs.Add(b, a, weaklyPresent);
        }
    }
}
