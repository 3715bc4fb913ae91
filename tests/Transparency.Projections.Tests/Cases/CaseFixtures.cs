using Transparency.Projections.Cases;
using static Transparency.Projections.Cases.CaseEvents;

namespace Transparency.Projections.Tests.Cases;

/// <summary>One realistic case in Chengdu Jinjiang: an organisation applicant, a person and a firm as respondents.</summary>
internal static class CaseFixtures
{
    public const string Number = "（2024）川0104执1234号";
    public const string Court = "川0104";
    public static readonly DateOnly FiledOn = new(2024, 3, 1);
    public static readonly DateOnly Today = new(2026, 11, 23);

    public const string PersonId = "510104198503127714";
    public const string PersonIdMasked = "5101041985****7714";
    public const string OtherPersonId = "410102199007051237";

    public static readonly Party Applicant = new(PartyKind.Organisation, PartyRole.Applicant, "成都锦江建设有限公司", "91510100MA6123403E");
    public static readonly Party PersonRespondent = new(PartyKind.NaturalPerson, PartyRole.Respondent, "张三丰", PersonId);
    public static readonly Party FirmRespondent = new(PartyKind.Organisation, PartyRole.Respondent, "郑州某某贸易有限公司", "91410100MA4456706A");
    public static readonly Party PersonApplicant = new(PartyKind.NaturalPerson, PartyRole.Applicant, "李四", OtherPersonId);

    public static readonly Debtor Person = new(PartyKind.NaturalPerson, "张三丰", PersonId);
    public static readonly Debtor Firm = new(PartyKind.Organisation, "郑州某某贸易有限公司", "91410100MA4456706A");

    public static readonly byte[] MatchKey = System.Text.Encoding.ASCII.GetBytes("test-match-key-0123456789abcdef-0123456789");

    public static PartyMasker Masker { get; } = new(MatchKey);

    public static V1.CaseFiled Filing(long claimed = 10_000_000, bool nonLitigation = false) => new(
        FiledOn, Number, Court, [Applicant, PersonApplicant, PersonRespondent, FirmRespondent],
        new BasisDocument("（2023）川0104民初5678号", "成都市锦江区人民法院"), claimed, nonLitigation);

    public static DateOnly Day(int afterFiling) => FiledOn.AddDays(afterFiling);

    /// <summary>Folds events through the decider, failing the test if any is rejected.</summary>
    public static CaseState Accepted(params ICaseEvent[] events)
    {
        var decision = CaseDecider.DecideAll(CaseState.Initial, events, Today);
        Assert.True(decision.IsAccepted, decision.BrokenRule?.ToString());
        return decision.State;
    }

    /// <summary>A filed case with an officer, the notice served and one inquiry done.</summary>
    public static ICaseEvent[] Started() =>
    [
        Filing(),
        new V1.OfficerAssigned(Day(2), "王法官", "J-0104-17"),
        new V1.EnforcementNoticeServed(Day(3)),
        new V1.PropertyInquiryCompleted(Day(10), [new ChannelResult(InquiryChannel.Bank, 1), new ChannelResult(InquiryChannel.RealEstate, 0)]),
    ];
}
