using Transparency.Projections.Cases;

namespace Transparency.Projections.CaseProgress;

/// <summary>What a case page said about one past day.</summary>
public sealed record CaseSnapshot(
    DateOnly Day,
    CaseStage Stage,
    long AmountClaimed,
    long Received,
    long Disbursed,
    long Outstanding,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<PublicSeizure> ActiveSeizures,
    IReadOnlyList<CaseSanctionView> SanctionsInForce);

/// <summary>
/// As-of for cases (DOMAIN.md, "As-of"), from the stored row alone: every milestone is dated, so
/// the stage and the money on a past day follow from the timeline up to that day, seizures from
/// their start and end, sanctions from their validity interval. Names are masked as they are
/// today, never as they were. A seizure shows its latest term and value, not those of that day.
/// </summary>
public static class CaseAsOf
{
    public static CaseSnapshot On(CaseProgressRow row, DateOnly day)
    {
        // Milestones can be recorded late; the day they happened is what counts.
        var timeline = row.Timeline.Where(t => t.On <= day).OrderBy(t => t.On).ToList();
        var stage = timeline.Aggregate(CaseStage.NotFiled, (s, t) => t.Milestone switch
        {
            "case.filed" => CaseStage.Filed,
            "case.officer_assigned" when s == CaseStage.Filed => CaseStage.Enforcing,
            "case.suspended" => CaseStage.Suspended,
            "case.resumed" => timeline.Any(x => x.Milestone == "case.officer_assigned" && x.On <= t.On) ? CaseStage.Enforcing : CaseStage.Filed,
            "case.concluded" => CaseStage.Concluded,
            "case.transferred_to_bankruptcy" => CaseStage.TransferredToBankruptcy,
            _ => s,
        });
        var received = Sum(timeline, "case.funds_received");
        var disbursed = Sum(timeline, "case.funds_disbursed");
        var claimed = stage == CaseStage.NotFiled ? 0 : row.AmountClaimed;
        return new CaseSnapshot(
            day, stage, claimed, received, disbursed, Math.Max(0, claimed - received), timeline,
            row.Seizures.Where(s => s.Start <= day && (s.EndedOn is null || day < s.EndedOn)).ToList(),
            row.Sanctions.Where(s => s.ImposedOn <= day && (s.LiftedOn is null || day < s.LiftedOn)).ToList());
    }

    private static long Sum(IEnumerable<TimelineEntry> timeline, string milestone) =>
        timeline.Where(t => t.Milestone == milestone).Sum(t => t.Amount ?? 0);
}
