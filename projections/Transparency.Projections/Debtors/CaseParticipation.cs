using Transparency.Projections.CaseProgress;
using Transparency.Projections.Cases;

namespace Transparency.Projections.Debtors;

/// <summary>
/// One party in one case, already masked: the rows a debtor profile gathers across courts by
/// <see cref="DebtorKey"/> (credit code, or keyed hash of the resident ID).
/// </summary>
public sealed record CaseParticipation(
    string CaseNumber,
    string CourtCode,
    int Position,
    PartyRole Role,
    PartyKind Kind,
    string Name,
    string PublicId,
    string DebtorKey,
    CaseStage Stage,
    long Outstanding);

public static class CaseParticipations
{
    public static IReadOnlyList<CaseParticipation> From(PublicCase c) =>
        c.Parties.Select((p, i) => new CaseParticipation(c.CaseNumber, c.CourtCode, i, p.Role, p.Kind, p.Name, p.PublicId,
            p.DebtorKey, c.Stage, c.Outstanding)).ToList();
}
