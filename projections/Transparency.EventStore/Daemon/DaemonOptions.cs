namespace Transparency.EventStore;

/// <summary>How the projection daemon paces itself. The defaults suit one API instance per machine.</summary>
public sealed record DaemonOptions
{
    /// <summary>
    /// Events read per live batch; one transaction each. Caught up, a batch holds what arrived since the last one;
    /// behind (after a restart, a burst), large batches cut the round trips and let projections write in bulk.
    /// </summary>
    public int BatchSize { get; init; } = 5_000;

    /// <summary>
    /// Events read per batch while rebuilding; the next batches are read while others are applied. Small enough that a
    /// batch's objects die young: at 20,000 a rebuild spent a tenth of its time in gen-2 collections.
    /// </summary>
    public int RebuildBatchSize { get; init; } = 5_000;

    /// <summary>
    /// How often an idle projection looks again without a notification. Needed because an event becomes
    /// readable only when every older transaction has ended, which no notification announces.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How soon to look again when committed events wait behind an older transaction still running: no
    /// notification comes when that one ends (or rolls back), and the events should not wait a full poll.
    /// </summary>
    public TimeSpan WaitingPollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often a standby tries to take the leader's lock.</summary>
    public TimeSpan StandbyInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the leader checks that its lock connection is still alive.</summary>
    public TimeSpan LeaderCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Failed attempts at one batch before the projection is parked.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First retry delay; doubled after each failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);
}
