using Transparency.Projections.CaseProgress;
using Transparency.Projections.Cases;

namespace Transparency.Projections.Sanctions;

/// <summary>
/// One debtor and one sanction, with the fields the national portal shows for a listing plus
/// its history. The name follows <see cref="PublicSanction.ShownName"/>: in full while a public
/// listing is active, masked for natural persons otherwise.
/// </summary>
public sealed record SanctionEntry(
    string EntryId,
    string CaseNumber,
    string CourtCode,
    string SanctionId,
    SanctionKind Kind,
    bool IsPublic,
    PartyKind DebtorKind,
    string DebtorName,
    string DebtorPublicId,
    string DebtorKey,
    ListingGround? Ground,
    string DocumentNumber,
    string? Obligation,
    Performance Performance,
    DateOnly ListedOn,
    DateOnly? PeriodEnd,
    DateOnly? LiftedOn,
    LiftReason? LiftReason,
    string? RepairNoticeNumber,
    IReadOnlyList<SanctionChange> History)
{
    /// <summary>
    /// As-of: in force from the day it was imposed up to, not including, the day it was lifted.
    /// The same half-open interval is stored as a PostgreSQL daterange.
    /// </summary>
    public bool WasActiveOn(DateOnly day) => ListedOn <= day && (LiftedOn is null || day < LiftedOn);
}

public static class SanctionEntries
{
    public static string EntryId(string caseNumber, string sanctionId) => caseNumber + "#" + sanctionId;

    public static IReadOnlyList<SanctionEntry> From(PublicCase c) =>
        c.Sanctions.Select(s => new SanctionEntry(
            EntryId(c.CaseNumber, s.SanctionId), c.CaseNumber, c.CourtCode, s.SanctionId, s.Kind, s.IsPublic,
            s.DebtorKind, s.ShownName, s.DebtorPublicId, s.DebtorKey, s.Ground, s.DocumentNumber, s.Obligation,
            s.Performance, s.ImposedOn, s.PeriodEnd, s.LiftedOn, s.LiftReason, s.RepairNoticeNumber, s.History)).ToList();

    /// <summary>"Was this debtor on a public list on <paramref name="day"/>": the entries in force that day.</summary>
    public static IReadOnlyList<SanctionEntry> ActiveOn(IEnumerable<SanctionEntry> entries, string debtorKey, DateOnly day) =>
        entries.Where(e => e.IsPublic && e.DebtorKey == debtorKey && e.WasActiveOn(day)).ToList();
}
