using Transparency.Projections.Calendar;
using Transparency.Projections.CaseProgress;
using Transparency.Projections.Cases;

namespace Transparency.Projections.Oversight;

/// <summary>The six oversight flags of DOMAIN.md; the stored code is in <see cref="OversightCodes"/>.</summary>
public enum OversightFlagKind
{
    /// <summary>Open past the enforcement period, without suspension or approved extension.</summary>
    PeriodExceeded,
    /// <summary>超标的查封: active seized value well above what is still owed.</summary>
    OverSeizure,
    /// <summary>A seizure past its term, neither renewed nor lifted.</summary>
    SeizureExpired,
    /// <summary>A listing still active more than 3 working days after a deletion ground arose.</summary>
    ListingNotDeleted,
    /// <summary>Funds received and not paid out within 30 days.</summary>
    FundsNotDisbursed,
    /// <summary>A 终本 case without a property inquiry in the last 6 months.</summary>
    NoInquiryAfterTermination,
}

public static class OversightCodes
{
    public static string Code(this OversightFlagKind kind) => kind switch
    {
        OversightFlagKind.PeriodExceeded => "period_exceeded",
        OversightFlagKind.OverSeizure => "over_seizure",
        OversightFlagKind.SeizureExpired => "seizure_expired",
        OversightFlagKind.ListingNotDeleted => "listing_not_deleted",
        OversightFlagKind.FundsNotDisbursed => "funds_not_disbursed",
        _ => "no_inquiry_after_termination",
    };
}

/// <summary>
/// A flag waiting on the clock: it shows from <see cref="RaisedFrom"/> (inclusive) until
/// <see cref="Until"/> (inclusive, null = no end) unless a later event removes the row. Storing
/// the date rather than the flag is what makes "overdue" appear the day it becomes true with no
/// new event: the public view compares it with today.
/// </summary>
public sealed record OversightDeadline(OversightFlagKind Flag, string Subject, DateOnly RaisedFrom, DateOnly? Until, string Detail)
{
    public bool IsRaisedOn(DateOnly today) => RaisedFrom <= today && (Until is null || today <= Until);
}

/// <summary>Oversight flags computed from a case's events, never typed in.</summary>
public static class OversightFlags
{
    /// <summary>Every flag the case can raise as it stands, each with the day it starts to show.</summary>
    public static IReadOnlyList<OversightDeadline> Deadlines(PublicCase c)
    {
        if (c.Stage == CaseStage.NotFiled)
        {
            return [];
        }
        var flags = new List<OversightDeadline>();

        // SPC Provisions on Time Limits for Handling Enforcement Cases (2006), Art. 1: 6 months (3 for
        // non-litigation cases); a suspended case's clock stops, an approved extension moves the deadline.
        if (!c.IsClosed && c.Stage != CaseStage.Suspended)
        {
            flags.Add(new(OversightFlagKind.PeriodExceeded, "", c.Deadline.AddDays(1), null,
                $"执行期限 {Labels.Date(c.Deadline)} 届满未结案"));
        }

        if (c.OverSeizedSince is { } overSince)
        {
            flags.Add(new(OversightFlagKind.OverSeizure, "", overSince, null,
                $"有效查封财产估值 {Labels.Yuan(c.ActiveSeizedValue)}，未履行金额 {Labels.Yuan(c.Outstanding)}"));
        }

        // SPC Interpretation of the Civil Procedure Law (2022), Art. 485: a seizure lapses at its term
        // unless renewed before it ends; one still shown active after that is stale or unlawful.
        foreach (var s in c.Seizures.Where(s => s.Status == SeizureStatus.Active))
        {
            flags.Add(new(OversightFlagKind.SeizureExpired, s.AssetId, s.TermEnd.AddDays(1), null,
                $"{s.Kind.Zh()}查封期限 {Labels.Date(s.TermEnd)} 届满，未续行亦未解除"));
        }

        // SPC Provisions on Publishing the List of Dishonest Judgment Debtors (2017), Art. 10: delete
        // within 3 working days once a ground arises; expiry of the listing period is one.
        foreach (var s in c.Sanctions.Where(s => s.IsActive && s.Kind == SanctionKind.DishonestList))
        {
            if (Earliest(c.DeletionGroundOn, s.PeriodEnd) is { } ground)
            {
                flags.Add(new(OversightFlagKind.ListingNotDeleted, s.SanctionId, ChinaCalendar.AddWorkingDays(ground, 3).AddDays(1), null,
                    $"删除事由于 {Labels.Date(ground)} 出现，失信信息未在三个工作日内删除"));
            }
        }

        // SPC Provisions on the Management of Enforcement Funds and Property (2017): funds are paid
        // out within 30 days of arriving. Oldest money first.
        if (OldestUndisbursedReceipt(c.Funds) is { } received)
        {
            flags.Add(new(OversightFlagKind.FundsNotDisbursed, "", received.AddDays(31), null,
                $"{Labels.Date(received)} 到位的执行款超过30日未发放"));
        }

        // SPC Provisions on Strictly Regulating the Termination of the Current Enforcement Procedure
        // (2016), Art. 9: for 5 years after 终本, an online property inquiry at least every 6 months.
        if (c.Conclusion is { Method: ConclusionMethod.TerminatedForNow } t)
        {
            var last = c.LastInquiryOn is { } q && q > t.On ? q : t.On;
            flags.Add(new(OversightFlagKind.NoInquiryAfterTermination, "", last.AddMonths(6).AddDays(1), t.On.AddYears(5),
                $"终本后自 {Labels.Date(last)} 起超过六个月未进行网络查控"));
        }
        return flags;
    }

    public static IReadOnlyList<OversightDeadline> RaisedOn(PublicCase c, DateOnly today) =>
        Deadlines(c).Where(d => d.IsRaisedOn(today)).ToList();

    /// <summary>The day the oldest money not yet paid out arrived, counting payments against receipts in order.</summary>
    public static DateOnly? OldestUndisbursedReceipt(IReadOnlyList<FundsMovement> funds)
    {
        var paidOut = funds.Where(f => f.Direction == FundsDirection.Disbursed).Sum(f => f.Amount);
        var cumulative = 0L;
        foreach (var receipt in funds.Where(f => f.Direction == FundsDirection.Received).OrderBy(f => f.On))
        {
            cumulative += receipt.Amount;
            if (cumulative > paidOut)
            {
                return receipt.On;
            }
        }
        return null;
    }

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) =>
        a is { } x && b is { } y ? (x < y ? x : y) : a ?? b;
}
