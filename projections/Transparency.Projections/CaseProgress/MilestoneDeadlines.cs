namespace Transparency.Projections.CaseProgress;

/// <summary>
/// A step the law times from filing, and whether it was taken in time. <see cref="MetOn"/> null
/// means not yet taken: late once today passes <see cref="DueBy"/>.
/// </summary>
public sealed record MilestoneDeadline(string Milestone, DateOnly DueBy, DateOnly? MetOn)
{
    public bool IsLateOn(DateOnly today) => MetOn is { } met ? met > DueBy : today > DueBy;
}

public static class MilestoneDeadlines
{
    /// <summary>
    /// SPC Provisions on Time Limits for Handling Enforcement Cases (2006): an officer within 7 days
    /// of filing (DOMAIN.md), the enforcement notice within 3 days of receiving the file (counted
    /// here from filing, the day the file is received), and the case concluded within the period.
    /// </summary>
    public static IReadOnlyList<MilestoneDeadline> Of(PublicCase c)
    {
        if (c.Stage == Cases.CaseStage.NotFiled)
        {
            return [];
        }
        var officerOn = c.Timeline.FirstOrDefault(t => t.Milestone == "case.officer_assigned")?.On;
        return
        [
            new("case.officer_assigned", c.FiledOn.AddDays(7), officerOn),
            new("case.enforcement_notice_served", c.FiledOn.AddDays(3), c.NoticeServedOn),
            new("case.concluded", c.Deadline, c.ClosedOn),
        ];
    }
}
