using Transparency.EventStore;

namespace Transparency.Projections.Cases;

/// <summary>The outcome of appending milestones to a case: the new version, or the rule that refused them.</summary>
public sealed record CaseAppendOutcome(CaseDecision Decision, AppendResult? Appended)
{
    public bool IsAccepted => Decision.IsAccepted;
}

/// <summary>
/// Decide, then append: reads the case stream, folds it, runs <see cref="CaseDecider"/> on the
/// proposed events and appends them only if every one is accepted, expecting the version it
/// decided on. A concurrent writer makes the append throw <see cref="ConcurrencyException"/>;
/// deciding again on the fresh state is the caller's retry. A retry carrying an idempotency key
/// that is already stored gets the earlier result back and appends nothing.
/// </summary>
public sealed class CaseStreams(PostgresEventStore store, TimeProvider clock)
{
    /// <summary>One stream per case, named by its canonical case number.</summary>
    public static string StreamId(string caseNumber) => "case:" + caseNumber;

    public async Task<CaseState> LoadAsync(string caseNumber, CancellationToken ct = default)
    {
        var events = await store.ReadStreamAsync(StreamId(caseNumber), 1, ct);
        return CaseState.Fold(events.Select(e => (ICaseEvent)e.Data));
    }

    public async Task<CaseAppendOutcome> AppendAsync(string caseNumber, IReadOnlyList<ICaseEvent> events, EventMetadata? metadata = null,
        CancellationToken ct = default)
    {
        if (metadata?.IdempotencyKey is { Length: > 0 } key && await store.FindIdempotentAppendAsync(key, ct) is { } earlier)
        {
            // Checked before deciding: the state now holds the retried events, so the decider would refuse
            // them (a second filing, a sanction id taken) and the retry would look like a rejection.
            var streamId = StreamId(caseNumber);
            var result = earlier.FirstOrDefault(r => r.StreamId == streamId)
                ?? throw new InvalidOperationException($"idempotency key '{key}' was used for another stream than '{streamId}'");
            return new CaseAppendOutcome(CaseDecision.Accept(await LoadAsync(caseNumber, ct)), result);
        }
        var state = await LoadAsync(caseNumber, ct);
        var decision = CaseDecider.DecideAll(state, events, clock);
        if (!decision.IsAccepted)
        {
            return new CaseAppendOutcome(decision, null);
        }
        var expected = state.Version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exact(state.Version);
        var appended = await store.AppendAsync(StreamId(caseNumber), expected, events.Cast<object>().ToList(), metadata, ct);
        return new CaseAppendOutcome(decision, appended);
    }
}
