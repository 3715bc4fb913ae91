using System.Globalization;

namespace Transparency.EventStore;

/// <summary>What the writer believes the stream's version to be; an append that finds otherwise is refused.</summary>
public readonly record struct ExpectedVersion
{
    private ExpectedVersion(long value) => Value = value;

    /// <summary>-1 for any, 0 for no stream yet, n for exactly n events so far (the form es_append takes).</summary>
    internal long Value { get; }

    /// <summary>Append whatever the stream's version; no concurrency check.</summary>
    public static ExpectedVersion Any { get; } = new(-1);

    /// <summary>The stream must not exist yet.</summary>
    public static ExpectedVersion NoStream { get; } = new(0);

    /// <summary>The stream must have exactly <paramref name="version"/> events (0: must not exist yet).</summary>
    public static ExpectedVersion Exact(long version) =>
        version >= 0 ? new(version) : throw new ArgumentOutOfRangeException(nameof(version), "a version is never negative");

    public override string ToString() => Value switch
    {
        -1 => "any",
        0 => "no stream",
        _ => Value.ToString(CultureInfo.InvariantCulture),
    };
}
