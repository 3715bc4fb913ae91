namespace Transparency.EventStore;

/// <summary>
/// The pure part of applying streams in version order: given a batch (in reader order) and the last
/// version applied per stream, what to do with each row and which stream ranges to read from the store.
/// </summary>
internal static class StreamOrder
{
    public enum Step
    {
        /// <summary>The next version of its stream: apply it here.</summary>
        Apply,

        /// <summary>First row of a stream whose versions are not consecutive here: apply the stream's range read from the store.</summary>
        ApplyStreamFromStore,

        /// <summary>Already applied (through an earlier range read) or covered by this batch's range read.</summary>
        Skip,
    }

    /// <summary>Read versions (<see cref="After"/>, <see cref="Through"/>] of a stream from the store.</summary>
    public sealed record Gap(string StreamId, long After, long Through);

    public sealed record Result(IReadOnlyList<Step> Steps, IReadOnlyList<Gap> Gaps, IReadOnlyDictionary<string, long> NewVersions);

    public static Result Plan(IReadOnlyList<(string StreamId, long Version)> rows, IReadOnlyDictionary<string, long> applied)
    {
        var next = new Dictionary<string, long>(StringComparer.Ordinal);
        var gapped = new HashSet<string>(StringComparer.Ordinal);
        var highest = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (stream, version) in rows)
        {
            var expected = next.TryGetValue(stream, out var n) ? n : (applied.TryGetValue(stream, out var a) ? a : 0) + 1;
            if (version < expected)
            {
                continue;
            }
            if (version > expected)
            {
                gapped.Add(stream);
            }
            next[stream] = version + 1;
            highest[stream] = version;
        }

        var steps = new Step[rows.Count];
        var started = new HashSet<string>(StringComparer.Ordinal);
        var gaps = new List<Gap>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (stream, version) = rows[i];
            var before = applied.TryGetValue(stream, out var a) ? a : 0;
            if (gapped.Contains(stream))
            {
                if (version > before && started.Add(stream))
                {
                    steps[i] = Step.ApplyStreamFromStore;
                    gaps.Add(new Gap(stream, before, highest[stream]));
                }
                else
                {
                    steps[i] = Step.Skip;
                }
            }
            else
            {
                steps[i] = version > before ? Step.Apply : Step.Skip;
            }
        }
        return new Result(steps, gaps, highest);
    }

    public static bool IsContiguous(IReadOnlyList<long> versions, long after, long through)
    {
        if (versions.Count != through - after)
        {
            return false;
        }
        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i] != after + 1 + i)
            {
                return false;
            }
        }
        return true;
    }
}
