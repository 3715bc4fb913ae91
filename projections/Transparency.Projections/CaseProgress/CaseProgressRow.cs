using Transparency.Projections.Cases;

namespace Transparency.Projections.CaseProgress;

/// <summary>A sanction as a case page shows it (public kinds only, name as shown now).</summary>
public sealed record CaseSanctionView(
    string SanctionId,
    SanctionKind Kind,
    string DebtorName,
    string DebtorPublicId,
    ListingGround? Ground,
    string DocumentNumber,
    Performance Performance,
    DateOnly ImposedOn,
    DateOnly? PeriodEnd,
    DateOnly? LiftedOn,
    LiftReason? LiftReason);

/// <summary>
/// The case progress read model, one row per case; its property names are the table's columns
/// in snake case. Days since filing and deadline status depend on today, so the view
/// <c>case_progress_now</c> computes them; <see cref="DeadlineStatuses.Of"/> is the same rule in C#.
/// </summary>
public sealed record CaseProgressRow(
    string CaseNumber,
    string StreamId,
    string CourtCode,
    DateOnly FiledOn,
    CaseStage Stage,
    bool NonLitigation,
    DateOnly Deadline,
    DateOnly? SuspendedSince,
    DateOnly? ClosedOn,
    ConclusionMethod? ConclusionMethod,
    long AmountClaimed,
    long Received,
    long Disbursed,
    long Outstanding,
    long ActiveSeizedValue,
    string? OfficerName,
    string? BasisCaseNumber,
    string? BasisIssuingBody,
    string? EarlierCaseNumber,
    IReadOnlyList<PublicParty> Parties,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<PublicSeizure> ActiveSeizures,
    IReadOnlyList<PublicSeizure> Seizures,
    IReadOnlyList<CaseSanctionView> Sanctions,
    IReadOnlyList<MilestoneDeadline> MilestoneDeadlines,
    long Version)
{
    public static CaseProgressRow From(string streamId, PublicCase c) => new(
        c.CaseNumber, streamId, c.CourtCode, c.FiledOn, c.Stage, c.NonLitigation, c.Deadline, c.SuspendedSince, c.ClosedOn,
        c.Conclusion?.Method, c.AmountClaimed, c.Received, c.Disbursed, c.Outstanding, c.ActiveSeizedValue, c.OfficerName,
        c.Basis?.CaseNumber, c.Basis?.IssuingBody, c.EarlierCaseNumber, c.Parties, c.Timeline,
        c.Seizures.Where(s => s.Status == SeizureStatus.Active).ToList(), c.Seizures,
        c.Sanctions.Where(s => s.IsPublic).Select(s => new CaseSanctionView(s.SanctionId, s.Kind, s.ShownName, s.DebtorPublicId,
            s.Ground, s.DocumentNumber, s.Performance, s.ImposedOn, s.PeriodEnd, s.LiftedOn, s.LiftReason)).ToList(),
        CaseProgress.MilestoneDeadlines.Of(c),
        c.Version);
}

public enum DeadlineStatus { OnTrack, DueSoon, Overdue, Suspended, Closed }

public static class DeadlineStatuses
{
    /// <summary>How many days before the deadline a case counts as due soon.</summary>
    public const int DueSoonDays = 30;

    public static DeadlineStatus Of(CaseStage stage, DateOnly deadline, DateOnly today) => stage switch
    {
        CaseStage.Concluded or CaseStage.TransferredToBankruptcy => DeadlineStatus.Closed,
        CaseStage.Suspended => DeadlineStatus.Suspended,
        _ when today > deadline => DeadlineStatus.Overdue,
        _ when deadline.DayNumber - today.DayNumber <= DueSoonDays => DeadlineStatus.DueSoon,
        _ => DeadlineStatus.OnTrack,
    };

    /// <summary>Calendar days since filing; for a closed case, the days it was open.</summary>
    public static int DaysSinceFiling(DateOnly filedOn, DateOnly? closedOn, DateOnly today) =>
        (closedOn ?? today).DayNumber - filedOn.DayNumber;
}
