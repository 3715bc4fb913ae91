namespace Transparency.EventStore;

/// <summary>Events for one stream, appended in this order, if the stream is at <paramref name="Expected"/>.</summary>
/// <param name="StreamType">Recorded in <c>streams.type</c> when the stream is created (e.g. "case").</param>
public sealed record StreamAppend(string StreamId, ExpectedVersion Expected, IReadOnlyList<object> Events, string? StreamType = null);

/// <summary>What one stream's append produced.</summary>
/// <param name="NewVersion">The stream's version after the append: the version of its last event.</param>
/// <param name="Positions">The global sequence numbers of the appended events, in order.</param>
/// <param name="Replayed">True when the idempotency key had been used: this is the earlier result and nothing was appended now.</param>
public sealed record AppendResult(string StreamId, long NewVersion, IReadOnlyList<long> Positions, bool Replayed);
