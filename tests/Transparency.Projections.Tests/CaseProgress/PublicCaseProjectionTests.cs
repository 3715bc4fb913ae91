using System.Text.Json;
using Transparency.Projections.CaseProgress;
using Transparency.Projections.Cases;
using Transparency.Projections.Debtors;
using Transparency.Projections.Oversight;
using Transparency.Projections.ReadModels;
using Transparency.Projections.RepairNotices;
using Transparency.Projections.Sanctions;
using static Transparency.Projections.Cases.CaseEvents;
using static Transparency.Projections.Tests.Cases.CaseFixtures;

namespace Transparency.Projections.Tests.CaseProgress;

public sealed class PublicCaseProjectionTests
{
    /// <summary>Decides then projects, so the scenario is one the write side would accept.</summary>
    internal static PublicCase Project(params ICaseEvent[] events)
    {
        Accepted(events);
        return PublicCaseProjection.Fold(events, Masker);
    }

    private static V1.DebtorListed Listing(DateOnly on) =>
        new(on, "S1", Person, ListingGround.ViolatesPropertyReporting, "（2024）川0104执1234号之一", on.AddYears(2), "支付货款100000元",
            Performance.NotPerformed);

    private static ICaseEvent[] EverythingHappens() =>
    [
        .. Started(),
        new V1.AssetSeized(Day(12), "A1", AssetKind.RealEstate, "锦江区某路**号房产", 50_000_00, Day(12).AddYears(3)),
        new V1.AssetSeized(Day(12), "B1", AssetKind.BankFunds, "某银行账户", 10_000_00, Day(12).AddYears(1)),
        Listing(Day(30)),
        new V1.ConsumptionRestricted(Day(30), "R1", Person, "（2024）川0104执1234号之二"),
        new V1.ExitBanned(Day(31), "X1", Person, "（2024）川0104执1234号之三"),
        new V1.FundsReceived(Day(40), 40_000_00),
        new V1.FundsDisbursed(Day(45), 30_000_00),
        new V1.SeizureLifted(Day(46), "B1", "已扣划"),
        new V1.SanctionLifted(Day(200), "S1", LiftReason.Performed),
        new V1.CreditRepaired(Day(201), "S1", "（2024）川0104执修1号"),
    ];

    [Fact]
    public void No_read_model_row_ever_holds_a_full_resident_id()
    {
        var c = Project(EverythingHappens());
        var rows = new[]
        {
            JsonSerializer.Serialize(c, ReadModelJson.Writer.PublicCase),
            JsonSerializer.Serialize([CaseProgressRow.From("case-1", c)], ReadModelJson.Writer.ListCaseProgressRow),
            JsonSerializer.Serialize(SanctionEntries.From(c).ToList(), ReadModelJson.Writer.ListSanctionEntry),
            JsonSerializer.Serialize(RepairNotices.RepairNotices.From(c).ToList(), ReadModelJson.Writer.ListRepairNotice),
            JsonSerializer.Serialize(CaseParticipations.From(c).ToList(), ReadModelJson.Writer.ListCaseParticipation),
            string.Join("\n", OversightFlags.Deadlines(c).Select(d => d.ToString())),
        };
        Assert.All(rows, json =>
        {
            Assert.DoesNotContain(PersonId, json, StringComparison.Ordinal);
            Assert.DoesNotContain(OtherPersonId, json, StringComparison.Ordinal);
        });
        Assert.Contains(PersonIdMasked, rows[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Organisations_are_named_in_full_and_persons_not_on_a_list_are_masked()
    {
        var c = Project(Started());
        Assert.Collection(c.Parties,
            p => Assert.Equal(("成都锦江建设有限公司", "91510100MA6123403E"), (p.Name, p.PublicId)),
            p => Assert.Equal(("李*", "4101021990****1237"), (p.Name, p.PublicId)),
            p => Assert.Equal(("张**", PersonIdMasked), (p.Name, p.PublicId)),
            p => Assert.Equal(("郑州某某贸易有限公司", "91410100MA4456706A"), (p.Name, p.PublicId)));
    }

    [Fact]
    public void A_compound_surname_stays_whole_when_masked()
    {
        var c = Project(Filing() with { Parties = [Applicant, PersonRespondent with { Name = "欧阳娜娜" }] });
        Assert.Equal("欧阳**", c.Parties.Single(p => p.Kind == PartyKind.NaturalPerson).Name);
    }

    [Fact]
    public void A_listed_person_is_named_in_full_while_listed_and_masked_again_once_every_public_sanction_is_lifted()
    {
        var listed = Project([.. Started(), Listing(Day(30)), new V1.ConsumptionRestricted(Day(30), "R1", Person, "X")]);
        Assert.Equal("张三丰", listed.Parties.Single(p => p.PublicId == PersonIdMasked).Name);

        var oneLifted = Project([.. Started(), Listing(Day(30)), new V1.ConsumptionRestricted(Day(30), "R1", Person, "X"),
            new V1.SanctionLifted(Day(60), "S1", LiftReason.Performed)]);
        Assert.Equal("张三丰", oneLifted.Parties.Single(p => p.PublicId == PersonIdMasked).Name);

        var allLifted = Project([.. Started(), Listing(Day(30)), new V1.ConsumptionRestricted(Day(30), "R1", Person, "X"),
            new V1.SanctionLifted(Day(60), "S1", LiftReason.Performed), new V1.SanctionLifted(Day(60), "R1", LiftReason.Performed)]);
        Assert.Equal("张**", allLifted.Parties.Single(p => p.PublicId == PersonIdMasked).Name);
        Assert.All(SanctionEntries.From(allLifted), e => Assert.Equal("张**", e.DebtorName));
        // Once off every list, the full name is gone from every row and from the stored state
        // (serialised as they are written to PostgreSQL, Chinese unescaped).
        var json = ReadModelJson.Writer;
        Assert.Contains("张三丰", JsonSerializer.Serialize([CaseProgressRow.From("case-1", listed)], json.ListCaseProgressRow), StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", JsonSerializer.Serialize([CaseProgressRow.From("case-1", allLifted)], json.ListCaseProgressRow),
            StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", JsonSerializer.Serialize(SanctionEntries.From(allLifted).ToList(), json.ListSanctionEntry),
            StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", JsonSerializer.Serialize(allLifted, json.PublicCase), StringComparison.Ordinal);
    }

    [Fact]
    public void An_exit_ban_is_shown_to_the_parties_only()
    {
        var c = Project([.. Started(), new V1.ExitBanned(Day(31), "X1", Person, "（2024）川0104执1234号之三")]);
        var row = CaseProgressRow.From("case-1", c);

        Assert.Empty(row.Sanctions);
        Assert.DoesNotContain(c.Timeline, t => t.Milestone == "case.exit_banned");
        Assert.Equal("张**", c.Parties.Single(p => p.PublicId == PersonIdMasked).Name);
        var entry = Assert.Single(SanctionEntries.From(c));
        Assert.False(entry.IsPublic);
        Assert.Equal("张**", entry.DebtorName);
    }

    [Fact]
    public void Amounts_seizures_and_timeline_follow_the_events()
    {
        var c = Project(EverythingHappens());
        var row = CaseProgressRow.From("case-1", c);

        Assert.Equal((10_000_000L, 40_000_00L, 30_000_00L, 6_000_000L), (row.AmountClaimed, row.Received, row.Disbursed, row.Outstanding));
        Assert.Equal("A1", Assert.Single(row.ActiveSeizures).AssetId);
        Assert.Equal(50_000_00, row.ActiveSeizedValue);
        Assert.Equal(CaseStage.Enforcing, row.Stage);
        Assert.Equal("case.filed", row.Timeline[0].Milestone);
        Assert.Equal("立案，执行标的 ¥100,000.00，执行依据 （2023）川0104民初5678号（成都市锦江区人民法院）", row.Timeline[0].Summary);
        Assert.Equal(EverythingHappens().Length - 1, row.Timeline.Count); // all but the exit ban
        Assert.Equal(row.Timeline.OrderBy(t => t.On).Select(t => t.On), row.Timeline.Select(t => t.On));
    }

    [Fact]
    public void A_listing_shows_partly_then_fully_performed_as_money_comes_in()
    {
        var partly = Project([.. Started(), Listing(Day(30)), new V1.FundsReceived(Day(40), 1_000_00)]);
        Assert.Equal(Performance.PartlyPerformed, SanctionEntries.From(partly).Single().Performance);

        var fully = Project([.. Started(), Listing(Day(30)), new V1.FundsReceived(Day(40), 1_000_00), new V1.FundsReceived(Day(50), 99_000_00)]);
        var entry = SanctionEntries.From(fully).Single();
        Assert.Equal(Performance.Performed, entry.Performance);
        Assert.Equal(["imposed", "performance", "performance"], entry.History.Select(h => h.Change));
    }

    [Fact]
    public void A_repair_notice_names_the_listing_it_repairs()
    {
        var notice = Assert.Single(RepairNotices.RepairNotices.From(Project(EverythingHappens())));
        Assert.Equal("（2024）川0104执修1号", notice.NoticeNumber);
        Assert.Equal(("张**", PersonIdMasked, Day(30), Day(200), LiftReason.Performed),
            (notice.DebtorName, notice.DebtorPublicId, notice.ListedOn, notice.LiftedOn, notice.LiftReason));
        Assert.Equal("（2024）川0104执1234号之一", notice.DecisionNumber);
    }

    [Fact]
    public void One_person_gets_one_debtor_key_across_cases_that_does_not_reveal_the_number()
    {
        var first = Project(Started());
        var second = PublicCaseProjection.Fold([Filing() with { CaseNumber = "（2025）豫0102执9号", CourtCode = "豫0102" }], Masker);
        var keyIn = (PublicCase c) => c.Parties.Single(p => p.PublicId == PersonIdMasked).DebtorKey;

        Assert.Equal(keyIn(first), keyIn(second));
        Assert.StartsWith("person:", keyIn(first), StringComparison.Ordinal);
        Assert.DoesNotContain(PersonId, keyIn(first), StringComparison.Ordinal);
        Assert.NotEqual(keyIn(first), new PartyMasker(new byte[32]).Identify(PartyKind.NaturalPerson, PersonId).DebtorKey);
        Assert.Equal("org:91410100MA4456706A", first.Parties.Single(p => p.Kind == PartyKind.Organisation && p.Role == PartyRole.Respondent).DebtorKey);
    }

    [Theory]
    [InlineData("2024-08-01", CaseStage.Enforcing, "OnTrack")]
    [InlineData("2024-08-02", CaseStage.Enforcing, "DueSoon")]
    [InlineData("2024-09-01", CaseStage.Enforcing, "DueSoon")]
    [InlineData("2024-09-02", CaseStage.Enforcing, "Overdue")]
    [InlineData("2024-09-02", CaseStage.Suspended, "Suspended")]
    [InlineData("2024-09-02", CaseStage.Concluded, "Closed")]
    public void Deadline_status_is_counted_against_today(string today, CaseStage stage, string expected) =>
        Assert.Equal(expected, DeadlineStatuses.Of(stage, FiledOn.AddMonths(6), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public void Officer_and_notice_deadlines_show_whether_they_were_met()
    {
        var late = Project(Filing(), new V1.OfficerAssigned(Day(9), "王法官", "J"), new V1.EnforcementNoticeServed(Day(3)));
        var deadlines = CaseProgressRow.From("case-1", late).MilestoneDeadlines.ToDictionary(d => d.Milestone);

        Assert.True(deadlines["case.officer_assigned"].IsLateOn(Today));
        Assert.Equal(Day(7), deadlines["case.officer_assigned"].DueBy);
        Assert.False(deadlines["case.enforcement_notice_served"].IsLateOn(Today));
        Assert.False(deadlines["case.concluded"].IsLateOn(FiledOn.AddMonths(6)));
        Assert.True(deadlines["case.concluded"].IsLateOn(FiledOn.AddMonths(6).AddDays(1)));

        var pending = MilestoneDeadlines.Of(Project(Filing())).Single(d => d.Milestone == "case.enforcement_notice_served");
        Assert.False(pending.IsLateOn(Day(3)));
        Assert.True(pending.IsLateOn(Day(4)));
    }

    [Fact]
    public void The_public_state_survives_its_json_round_trip()
    {
        var c = Project(EverythingHappens());
        var back = JsonSerializer.Deserialize(JsonSerializer.Serialize(c, ReadModelJsonContext.Default.PublicCase), ReadModelJsonContext.Default.PublicCase)!;
        Assert.Equal(JsonSerializer.Serialize(c, ReadModelJsonContext.Default.PublicCase), JsonSerializer.Serialize(back, ReadModelJsonContext.Default.PublicCase));
        Assert.Equal(c.Outstanding, back.Outstanding);
        // Folding on from the stored state gives what folding everything gives.
        var more = new V1.FundsReceived(Day(300), 1_00);
        Assert.Equal(JsonSerializer.Serialize(PublicCaseProjection.Apply(c, more, Masker), ReadModelJsonContext.Default.PublicCase),
            JsonSerializer.Serialize(PublicCaseProjection.Apply(back, more, Masker), ReadModelJsonContext.Default.PublicCase));
    }
}
