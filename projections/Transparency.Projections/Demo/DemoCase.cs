using Transparency.Projections.Cases;

namespace Transparency.Projections.Demo;

/// <summary>The course a demo case was set on; the clock may cut it short, leaving the case open.</summary>
public enum DemoCourse
{
    /// <summary>执行完毕, everything paid: voluntarily, from frozen funds or from an auction.</summary>
    FullyPerformed,
    /// <summary>执行完毕 with part of the claim left unperformed (the applicant accepted the rest).</summary>
    PartlyPerformed,
    /// <summary>执行和解, paid by instalments.</summary>
    Settled,
    /// <summary>终本 after property inquiry and a restriction order; inquiries go on every few months.</summary>
    TerminatedForNow,
    /// <summary>A 执恢 case reopening an earlier 终本 case (whose number it links) after a new property lead.</summary>
    Resumed,
    /// <summary>终结执行.</summary>
    Terminated,
    /// <summary>执转破.</summary>
    TransferredToBankruptcy,
    /// <summary>不予执行 or 销案.</summary>
    Dismissed,
    /// <summary>Filed recently, still being enforced; some suspended, some with an approved extension.</summary>
    StillOpen,
}

/// <summary>
/// A lapse a few demo cases are given on purpose, one per oversight flag of DOMAIN.md, so that every
/// flag shows on the site and in the API.
/// </summary>
public enum DemoLapse
{
    None,
    /// <summary>Open past the period, no extension: period_exceeded.</summary>
    PeriodExceeded,
    /// <summary>Real estate seized for far more than is owed: over_seizure.</summary>
    OverSeizure,
    /// <summary>A freeze neither renewed nor lifted at its term: seizure_expired.</summary>
    SeizureExpired,
    /// <summary>Paid in full, listing left in place: listing_not_deleted.</summary>
    ListingNotDeleted,
    /// <summary>Money received and kept: funds_not_disbursed.</summary>
    FundsNotDisbursed,
    /// <summary>终本 and no inquiry afterwards: no_inquiry_after_termination.</summary>
    NoInquiryAfterTermination,
}

/// <summary>One generated case: its stream's events, every one accepted by <see cref="CaseDecider"/> in order.</summary>
public sealed record DemoCase(string CaseNumber, string CourtCode, DemoCourse Course, DemoLapse Lapse, IReadOnlyList<ICaseEvent> Events)
{
    public string StreamId => CaseStreams.StreamId(CaseNumber);
}
