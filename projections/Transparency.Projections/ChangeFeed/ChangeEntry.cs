using Transparency.EventStore;
using Transparency.Projections.CaseProgress;

namespace Transparency.Projections.ChangeFeed;

/// <summary>
/// One public change, at the store position of the event that made it. The position is the
/// daemon's (transaction id, sequence) pair, so a reader resuming "after" a cursor never misses
/// a change committed later with a lower sequence.
/// </summary>
public sealed record ChangeEntry(
    GlobalPosition Position,
    string CaseNumber,
    string CourtCode,
    DateOnly On,
    string Milestone,
    string Summary,
    long? Amount,
    string? Subject)
{
    /// <summary>The cursor a reader passes back as <c>after</c>: <c>tx-seq</c>.</summary>
    public string Cursor => Position.ToString();
}

public static class ChangeEntries
{
    /// <summary>
    /// What became public with one event: the timeline entry it added, or nothing (an exit ban is
    /// shown to the parties only). Each event adds at most one entry, so the event's position is
    /// the change's cursor.
    /// </summary>
    public static ChangeEntry? Between(PublicCase before, PublicCase after, GlobalPosition position) =>
        after.Timeline.Count > before.Timeline.Count && after.Timeline[^1] is var t
            ? new ChangeEntry(position, after.CaseNumber, after.CourtCode, t.On, t.Milestone, t.Summary, t.Amount, t.Subject)
            : null;
}
