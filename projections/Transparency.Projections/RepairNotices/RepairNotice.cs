using Transparency.Projections.CaseProgress;
using Transparency.Projections.Cases;

namespace Transparency.Projections.RepairNotices;

/// <summary>
/// 信用修复公告: one per repaired listing, with the original listing and the reason it was
/// deleted. The listing is no longer in force, so a natural person is named masked (DOMAIN.md:
/// in full only while on a public list); an organisation in full. The public ID and the debtor
/// key still let a counterparty who knows the debtor find the notice.
/// </summary>
public sealed record RepairNotice(
    string NoticeNumber,
    DateOnly PublishedOn,
    string CaseNumber,
    string CourtCode,
    string SanctionId,
    PartyKind DebtorKind,
    string DebtorName,
    string DebtorPublicId,
    string DebtorKey,
    ListingGround? Ground,
    string DecisionNumber,
    DateOnly ListedOn,
    DateOnly LiftedOn,
    LiftReason LiftReason);

public static class RepairNotices
{
    public static IReadOnlyList<RepairNotice> From(PublicCase c) =>
        c.Sanctions
            .Where(s => s is { RepairNoticeNumber: not null, RepairedOn: not null, LiftedOn: not null, LiftReason: not null })
            .Select(s => new RepairNotice(s.RepairNoticeNumber!, s.RepairedOn!.Value, c.CaseNumber, c.CourtCode, s.SanctionId,
                s.DebtorKind, s.ShownName, s.DebtorPublicId, s.DebtorKey, s.Ground, s.DocumentNumber, s.ImposedOn,
                s.LiftedOn!.Value, s.LiftReason!.Value))
            .ToList();
}
