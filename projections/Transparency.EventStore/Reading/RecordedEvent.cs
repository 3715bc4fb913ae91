using System.Globalization;

namespace Transparency.EventStore;

/// <summary>An event as stored: where it sits, what it is, and the record it reads as (after upcasting).</summary>
public sealed record RecordedEvent(
    long Seq,
    ulong TxId,
    string StreamId,
    long Version,
    string Type,
    object Data,
    EventMetadata Metadata,
    DateTimeOffset RecordedAt)
{
    public GlobalPosition Position => new(TxId, Seq);
}

/// <summary>
/// A position in the store in commit-safe order: the writing transaction's id, then the sequence
/// number. Readers go forward in this order and only below the oldest running transaction, so
/// an event can never appear behind a position already handed out. Also the change-feed cursor.
/// </summary>
public readonly record struct GlobalPosition(ulong TxId, long Seq) : IComparable<GlobalPosition>
{
    public static GlobalPosition Start { get; }

    public int CompareTo(GlobalPosition other) =>
        TxId != other.TxId ? TxId.CompareTo(other.TxId) : Seq.CompareTo(other.Seq);

    public static bool operator <(GlobalPosition left, GlobalPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(GlobalPosition left, GlobalPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(GlobalPosition left, GlobalPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(GlobalPosition left, GlobalPosition right) => left.CompareTo(right) >= 0;

    /// <summary>The cursor form, <c>tx-seq</c>, e.g. <c>7431-120045</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{TxId}-{Seq}");

    public static bool TryParse(string? cursor, out GlobalPosition position)
    {
        position = default;
        var dash = cursor?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (dash <= 0
            || !ulong.TryParse(cursor.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var tx)
            || !long.TryParse(cursor.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return false;
        }
        position = new GlobalPosition(tx, seq);
        return true;
    }
}
