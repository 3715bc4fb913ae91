using Transparency.Projections.Cases;
using static Transparency.Projections.Cases.CaseEvents;
using static Transparency.Projections.Tests.Cases.CaseFixtures;

namespace Transparency.Projections.Tests.Cases;

public sealed class CaseDeciderTests
{
    private static void Rejects(CaseState state, ICaseEvent proposed, CaseRule rule)
    {
        var decision = CaseDecider.Decide(state, proposed, Today);
        Assert.False(decision.IsAccepted, $"{proposed.GetType().Name} was accepted; expected {rule.Code}");
        Assert.Equal(rule.Code, decision.BrokenRule.Code);
        Assert.Same(state, decision.State);
    }

    private static CaseState Accepts(CaseState state, ICaseEvent proposed)
    {
        var decision = CaseDecider.Decide(state, proposed, Today);
        Assert.True(decision.IsAccepted, decision.BrokenRule?.ToString());
        return decision.State;
    }

    private static V1.AssetSeized House(DateOnly on, DateOnly? termEnd = null) =>
        new(on, "A1", AssetKind.RealEstate, "锦江区某路**号房产", 3_000_000_00, termEnd ?? on.AddYears(3));

    [Fact]
    public void A_full_case_is_accepted_and_every_event_moves_the_version()
    {
        var state = Accepted([.. Started(),
            House(Day(12)),
            new V1.AssetValued(Day(40), "A1", 2_800_000_00),
            new V1.AuctionListed(Day(60), "A1", 2_000_000_00),
            new V1.AuctionFailed(Day(90), "A1", 2_000_000_00),
            new V1.AuctionListed(Day(100), "A1", 1_600_000_00),
            new V1.AuctionSold(Day(130), "A1", 1_700_000_00),
            new V1.FundsReceived(Day(140), 10_000_000),
            new V1.FundsDisbursed(Day(150), 10_000_000),
            new V1.CaseConcluded(Day(151), ConclusionMethod.Completed, 10_000_000, 0)]);

        Assert.Equal(CaseStage.Concluded, state.Stage);
        Assert.Equal(13, state.Version);
        Assert.Equal(0, state.Outstanding);
        Assert.False(state.Seizures["A1"].IsActive);
    }

    [Fact]
    public void The_first_event_must_be_the_filing() =>
        Rejects(CaseState.Initial, new V1.OfficerAssigned(FiledOn, "王法官", "J-1"), CaseRules.FirstEventMustBeFiling);

    [Fact]
    public void A_case_is_filed_once() =>
        Rejects(Accepted(Filing()), Filing(), CaseRules.AlreadyFiled);

    [Fact]
    public void An_event_dated_after_today_is_rejected() =>
        Rejects(Accepted(Filing()), new V1.EnforcementNoticeServed(Today.AddDays(1)), CaseRules.DatedInFuture);

    [Fact]
    public void An_event_dated_before_the_filing_is_rejected() =>
        Rejects(Accepted(Filing()), new V1.EnforcementNoticeServed(FiledOn.AddDays(-1)), CaseRules.DatedBeforeFiling);

    [Fact]
    public void A_step_on_a_seizure_or_sanction_cannot_predate_it()
    {
        var state = Accepted([.. Started(), House(Day(12)), Listing()]);
        Rejects(state, new V1.SeizureLifted(Day(11), "A1", "x"), CaseRules.DatedBeforeSubject);
        Rejects(state, new V1.SanctionLifted(Day(29), "S1", LiftReason.Performed), CaseRules.DatedBeforeSubject);
        state = Accepts(state, new V1.SanctionLifted(Day(40), "S1", LiftReason.Performed));
        Rejects(state, new V1.CreditRepaired(Day(39), "S1", "修复1号"), CaseRules.DatedBeforeSubject);
    }

    [Fact]
    public void A_filing_read_from_json_without_its_parties_is_rejected_by_name()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Filing(), CaseEventsJsonContext.Default.CaseFiled).Replace("\"parties\":", "\"ignored\":", StringComparison.Ordinal);
        var filing = System.Text.Json.JsonSerializer.Deserialize(json, CaseEventsJsonContext.Default.CaseFiled)!;
        var decision = CaseDecider.Decide(CaseState.Initial, filing, Today);
        Assert.Equal((CaseRules.RequiredField.Code, "parties"), (decision.BrokenRule?.Code, decision.Detail));
    }

    [Fact]
    public void A_filing_needs_an_applicant_and_a_respondent() =>
        Rejects(CaseState.Initial, Filing() with { Parties = [Applicant] }, CaseRules.MissingParties);

    [Fact]
    public void A_filing_with_an_empty_party_id_is_rejected()
    {
        var decision = CaseDecider.Decide(CaseState.Initial, Filing() with { Parties = [Applicant, PersonRespondent with { IdNumber = " " }] }, Today);
        Assert.Equal(CaseRules.RequiredField.Code, decision.BrokenRule?.Code);
        Assert.Equal("parties[1]", decision.Detail);
    }

    [Theory]
    [InlineData("（2024）川0104执")]
    [InlineData("(2024)川0104执1234号")]
    [InlineData("（2024）川0104民1234号")]
    public void A_filing_needs_a_valid_canonical_case_number(string number) =>
        Rejects(CaseState.Initial, Filing() with { CaseNumber = number }, CaseRules.InvalidCaseNumber);

    [Theory]
    [InlineData(PartyKind.NaturalPerson, "510104198503127715")]
    [InlineData(PartyKind.NaturalPerson, "5101041985031277")]
    [InlineData(PartyKind.Organisation, "91510100MA6123403F")]
    public void A_filing_with_a_party_id_failing_its_check_is_rejected(PartyKind kind, string id)
    {
        var decision = CaseDecider.Decide(CaseState.Initial,
            Filing() with { Parties = [Applicant, new Party(kind, PartyRole.Respondent, "某某", id)] }, Today);
        Assert.Equal(CaseRules.InvalidPartyId.Code, decision.BrokenRule?.Code);
        Assert.StartsWith("parties[1]: ", decision.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(id, decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_filing_court_is_one_of_the_directory() =>
        Rejects(CaseState.Initial, Filing() with { CaseNumber = "（2024）京0105执1234号", CourtCode = "京0105" }, CaseRules.UnknownCourt);

    [Fact]
    public void The_case_number_names_the_filing_court() =>
        Rejects(CaseState.Initial, Filing() with { CourtCode = "川0105" }, CaseRules.CourtMismatch);

    [Fact]
    public void A_resumed_case_links_the_earlier_number()
    {
        var resumed = Filing() with { CaseNumber = "（2024）川0104执恢88号" };
        Rejects(CaseState.Initial, resumed, CaseRules.ResumedWithoutEarlier);
        Accepts(CaseState.Initial, resumed with { EarlierCaseNumber = "（2022）川0104执77号" });
    }

    [Fact]
    public void A_negative_claim_is_rejected() =>
        Rejects(CaseState.Initial, Filing(claimed: -1), CaseRules.NegativeAmount);

    [Theory]
    [InlineData(0, "funds.not_positive")]
    [InlineData(-5, "amount.negative")]
    public void Funds_received_must_be_positive(long amount, string code)
    {
        var decision = CaseDecider.Decide(Accepted(Started()), new V1.FundsReceived(Day(20), amount), Today);
        Assert.Equal(code, decision.BrokenRule?.Code);
    }

    [Fact]
    public void More_cannot_be_disbursed_than_was_received()
    {
        var state = Accepted([.. Started(), new V1.FundsReceived(Day(20), 500_00), new V1.FundsDisbursed(Day(21), 300_00)]);
        Rejects(state, new V1.FundsDisbursed(Day(22), 200_01), CaseRules.DisbursedExceedsReceived);
        Accepts(state, new V1.FundsDisbursed(Day(22), 200_00));
    }

    [Fact]
    public void A_concluded_case_takes_no_new_seizure_but_still_lifts_and_pays_out()
    {
        var state = Accepted([.. Started(), House(Day(12)), new V1.FundsReceived(Day(20), 100_00),
            new V1.CaseConcluded(Day(30), ConclusionMethod.Cancelled, 100_00, 0)]);
        Rejects(state, House(Day(31)) with { AssetId = "A2" }, CaseRules.CaseClosed);
        Rejects(state, new V1.FundsReceived(Day(31), 1), CaseRules.CaseClosed);
        state = Accepts(state, new V1.SeizureLifted(Day(31), "A1", "撤销案件"));
        Accepts(state, new V1.FundsDisbursed(Day(32), 100_00));
    }

    [Fact]
    public void A_case_transferred_to_bankruptcy_takes_no_listing()
    {
        var state = Accepted([.. Started(), new V1.TransferredToBankruptcy(Day(40), "郑州市中级人民法院")]);
        Rejects(state, new V1.DebtorListed(Day(41), "S1", Firm, ListingGround.ViolatesPropertyReporting, "（2024）川0104执1234号之一",
            Day(41).AddYears(2), "支付货款", Performance.NotPerformed), CaseRules.CaseClosed);
    }

    [Fact]
    public void A_suspended_case_takes_no_new_measure_until_resumed()
    {
        var state = Accepted([.. Started(), new V1.CaseSuspended(Day(20), "案外人异议")]);
        Rejects(state, House(Day(21)), CaseRules.CaseSuspended);
        Rejects(state, new V1.CaseSuspended(Day(21), "again"), CaseRules.AlreadySuspended);
        Accepts(state, new V1.CaseConcluded(Day(30), ConclusionMethod.Terminated, 0, 100_000_00));
        state = Accepts(state, new V1.CaseResumed(Day(50), "异议已驳回"));
        Accepts(state, House(Day(51)));
    }

    [Fact]
    public void Resuming_a_case_that_is_not_suspended_is_rejected() =>
        Rejects(Accepted(Started()), new V1.CaseResumed(Day(20), "x"), CaseRules.NotSuspended);

    [Fact]
    public void An_asset_cannot_be_seized_twice_while_the_first_seizure_is_active()
    {
        var state = Accepted([.. Started(), House(Day(12))]);
        Rejects(state, House(Day(13)), CaseRules.SeizureAlreadyActive);
        state = Accepts(state, new V1.SeizureLifted(Day(14), "A1", "申请执行人申请"));
        Accepts(state, House(Day(15)));
    }

    [Fact]
    public void A_seizure_term_ends_after_it_starts() =>
        Rejects(Accepted(Started()), House(Day(12), Day(12)), CaseRules.SeizureTermNotAfterStart);

    // SPC Interpretation of the Civil Procedure Law (2022), Art. 485.
    [Theory]
    [InlineData(AssetKind.BankFunds, 1)]
    [InlineData(AssetKind.Movable, 2)]
    [InlineData(AssetKind.Vehicle, 2)]
    [InlineData(AssetKind.RealEstate, 3)]
    [InlineData(AssetKind.Equity, 3)]
    public void A_seizure_runs_at_most_the_legal_term_for_its_kind(AssetKind kind, int years)
    {
        var state = Accepted(Started());
        var start = Day(12);
        var seizure = new V1.AssetSeized(start, "X", kind, "某财产", 1_000_00, start.AddYears(years).AddDays(1));
        Rejects(state, seizure, CaseRules.SeizureTermTooLong);
        Accepts(state, seizure with { TermEnd = start.AddYears(years) });
    }

    [Fact]
    public void A_seizure_can_be_lifted_only_if_it_exists_and_is_active()
    {
        var state = Accepted([.. Started(), House(Day(12))]);
        Rejects(state, new V1.SeizureLifted(Day(13), "NOPE", "x"), CaseRules.SeizureNotFound);
        state = Accepts(state, new V1.SeizureLifted(Day(13), "A1", "已履行"));
        Rejects(state, new V1.SeizureLifted(Day(14), "A1", "again"), CaseRules.SeizureNotActive);
    }

    [Fact]
    public void A_renewal_comes_before_the_term_ends_ends_later_and_stays_within_the_limit()
    {
        var start = Day(12);
        var bank = new V1.AssetSeized(start, "B1", AssetKind.BankFunds, "某银行账户", 50_000_00, start.AddYears(1));
        var state = Accepted([.. Started(), bank]);
        Rejects(state, new V1.SeizureRenewed(start.AddYears(1).AddDays(1), "B1", start.AddYears(2)), CaseRules.SeizureExpired);
        Rejects(state, new V1.SeizureRenewed(start.AddMonths(11), "B1", start.AddYears(1)), CaseRules.RenewalNotLater);
        Rejects(state, new V1.SeizureRenewed(start.AddMonths(11), "B1", start.AddYears(2).AddDays(1)), CaseRules.SeizureTermTooLong);
        Rejects(state, new V1.SeizureRenewed(start.AddMonths(11), "B9", start.AddYears(2)), CaseRules.SeizureNotFound);
        Accepts(state, new V1.SeizureRenewed(start.AddMonths(11), "B1", start.AddYears(2)));
    }

    [Fact]
    public void An_auction_is_listed_once_and_settled_only_while_listed()
    {
        var state = Accepted([.. Started(), House(Day(12))]);
        Rejects(state, new V1.AuctionSold(Day(20), "A1", 1), CaseRules.AuctionNotOpen);
        Rejects(state, new V1.AuctionListed(Day(20), "A9", 1), CaseRules.SeizureNotFound);
        state = Accepts(state, new V1.AuctionListed(Day(20), "A1", 2_000_000_00));
        Rejects(state, new V1.AuctionListed(Day(21), "A1", 2_000_000_00), CaseRules.AuctionAlreadyOpen);
        state = Accepts(state, new V1.AuctionSold(Day(50), "A1", 2_100_000_00));
        Rejects(state, new V1.AuctionFailed(Day(51), "A1", 1), CaseRules.SeizureNotActive);
    }

    private static V1.DebtorListed Listing(string id = "S1", Debtor? debtor = null, DateOnly? on = null) =>
        new(on ?? Day(30), id, debtor ?? Person, ListingGround.ViolatesPropertyReporting, "（2024）川0104执1234号之一",
            (on ?? Day(30)).AddYears(2), "支付货款100000元", Performance.NotPerformed);

    [Fact]
    public void Only_a_respondent_of_the_case_can_be_sanctioned()
    {
        var state = Accepted(Started());
        Rejects(state, Listing(debtor: new Debtor(PartyKind.NaturalPerson, "李四", OtherPersonId)), CaseRules.NotARespondent);
        Rejects(state, new V1.ConsumptionRestricted(Day(30), "R1", new Debtor(PartyKind.Organisation, "成都锦江建设有限公司", Applicant.IdNumber), "X"),
            CaseRules.NotARespondent);
    }

    [Fact]
    public void A_sanction_id_is_used_once_and_a_debtor_has_one_active_sanction_of_a_kind()
    {
        var state = Accepted([.. Started(), Listing()]);
        Rejects(state, Listing() with { Debtor = Firm }, CaseRules.SanctionIdTaken);
        Rejects(state, Listing("S2"), CaseRules.SanctionAlreadyActive);
        Accepts(state, new V1.ConsumptionRestricted(Day(30), "R1", Person, "（2024）川0104执1234号之二"));
    }

    [Fact]
    public void A_listing_on_grounds_two_to_six_states_a_period_of_at_most_five_years()
    {
        var state = Accepted(Started());
        Rejects(state, Listing() with { PeriodEnd = null }, CaseRules.ListingPeriodRequired);
        Rejects(state, Listing() with { PeriodEnd = Day(30).AddYears(5).AddDays(1) }, CaseRules.ListingPeriodInvalid);
        Rejects(state, Listing() with { PeriodEnd = Day(30) }, CaseRules.ListingPeriodInvalid);
        Accepts(state, Listing() with { Ground = ListingGround.RefusesDespiteAbility, PeriodEnd = null });
    }

    [Fact]
    public void A_sanction_can_be_lifted_only_once()
    {
        var state = Accepted([.. Started(), Listing()]);
        Rejects(state, new V1.SanctionLifted(Day(40), "S9", LiftReason.Performed), CaseRules.SanctionNotFound);
        state = Accepts(state, new V1.SanctionLifted(Day(40), "S1", LiftReason.Performed));
        Rejects(state, new V1.SanctionLifted(Day(41), "S1", LiftReason.Performed), CaseRules.SanctionAlreadyLifted);
    }

    [Fact]
    public void A_repair_notice_follows_the_deletion_of_a_listing_once()
    {
        var state = Accepted([.. Started(), Listing(), new V1.ConsumptionRestricted(Day(30), "R1", Person, "X")]);
        Rejects(state, new V1.CreditRepaired(Day(40), "S1", "修复〔2024〕1号"), CaseRules.RepairBeforeLift);
        state = Accepts(state, new V1.SanctionLifted(Day(40), "S1", LiftReason.Performed));
        state = Accepts(state, new V1.SanctionLifted(Day(40), "R1", LiftReason.Performed));
        Rejects(state, new V1.CreditRepaired(Day(41), "R1", "修复〔2024〕1号"), CaseRules.RepairNotAListing);
        Rejects(state, new V1.CreditRepaired(Day(41), "S9", "修复〔2024〕1号"), CaseRules.SanctionNotFound);
        state = Accepts(state, new V1.CreditRepaired(Day(41), "S1", "修复〔2024〕1号"));
        Rejects(state, new V1.CreditRepaired(Day(42), "S1", "修复〔2024〕2号"), CaseRules.AlreadyRepaired);
    }

    [Fact]
    public void An_extension_moves_the_deadline_later_only()
    {
        var state = Accepted(Started());
        Assert.Equal(FiledOn.AddMonths(6), state.Deadline);
        Rejects(state, new V1.PeriodExtended(Day(100), FiledOn.AddMonths(6), "院长批准"), CaseRules.ExtensionNotLater);
        Rejects(state, new V1.PeriodExtended(Day(100), FiledOn.AddMonths(9), ""), CaseRules.RequiredField);
        Assert.Equal(FiledOn.AddMonths(9), Accepts(state, new V1.PeriodExtended(Day(100), FiledOn.AddMonths(9), "院长批准")).Deadline);
    }

    [Fact]
    public void Suspension_does_not_count_toward_the_period()
    {
        var state = Accepted([.. Started(), new V1.CaseSuspended(Day(20), "x"), new V1.CaseResumed(Day(50), "y")]);
        Assert.Equal(FiledOn.AddMonths(6).AddDays(30), state.Deadline);
    }

    // 终本 prerequisites, SPC Provisions on Strictly Regulating 终本 (2016), Art. 1.
    private static V1.CaseConcluded Termination(DateOnly on, bool interviewed = true, bool considered = true) =>
        new(on, ConclusionMethod.TerminatedForNow, 0, 10_000_000, interviewed, considered);

    [Fact]
    public void Terminating_for_now_requires_the_notice_first()
    {
        var state = Accepted(Filing(), new V1.PropertyInquiryCompleted(Day(10), [new ChannelResult(InquiryChannel.Bank, 0)]),
            new V1.ConsumptionRestricted(Day(20), "R1", Person, "X"));
        Rejects(state, Termination(Day(100)), CaseRules.TerminationWithoutNotice);
    }

    [Fact]
    public void Terminating_for_now_requires_an_inquiry_first()
    {
        var state = Accepted(Filing(), new V1.EnforcementNoticeServed(Day(3)), new V1.ConsumptionRestricted(Day(20), "R1", Person, "X"));
        Rejects(state, Termination(Day(100)), CaseRules.TerminationWithoutInquiry);
    }

    [Fact]
    public void Terminating_for_now_requires_a_restriction_order_first() =>
        Rejects(Accepted(Started()), Termination(Day(100)), CaseRules.TerminationWithoutRestriction);

    [Fact]
    public void Terminating_for_now_requires_the_list_check_the_interview_and_three_months()
    {
        var state = Accepted([.. Started(), new V1.ConsumptionRestricted(Day(20), "R1", Person, "X")]);
        Rejects(state, Termination(Day(100), considered: false), CaseRules.TerminationWithoutListCheck);
        Rejects(state, Termination(Day(100), interviewed: false), CaseRules.TerminationWithoutInterview);
        Rejects(state, Termination(FiledOn.AddMonths(3).AddDays(-1)), CaseRules.TerminationTooEarly);
        var closed = Accepts(state, Termination(FiledOn.AddMonths(3)));
        // After 终本 the court keeps inquiring.
        Accepts(closed, new V1.PropertyInquiryCompleted(FiledOn.AddMonths(9), [new ChannelResult(InquiryChannel.Bank, 0)]));
    }

    [Fact]
    public void A_batch_is_all_or_nothing()
    {
        var state = Accepted(Started());
        var decision = CaseDecider.DecideAll(state, [new V1.FundsReceived(Day(20), 100), new V1.FundsDisbursed(Day(21), 200)], Today);
        Assert.False(decision.IsAccepted);
        Assert.Equal(CaseRules.DisbursedExceedsReceived.Code, decision.BrokenRule.Code);
        Assert.Same(state, decision.State);
    }

    [Fact]
    public void The_clock_decides_today_in_China_time()
    {
        // 2024-03-01 20:00 UTC is already 2024-03-02 in China.
        var clock = new FixedClock(new DateTimeOffset(2024, 3, 1, 20, 0, 0, TimeSpan.Zero));
        Assert.True(CaseDecider.Decide(CaseState.Initial, Filing() with { On = new DateOnly(2024, 3, 2) }, clock).IsAccepted);
        Assert.False(CaseDecider.Decide(CaseState.Initial, Filing() with { On = new DateOnly(2024, 3, 3) }, clock).IsAccepted);
    }

    [Fact]
    public void Every_rule_has_a_unique_code_and_both_messages()
    {
        var rules = typeof(CaseRules).GetFields().Select(f => (CaseRule)f.GetValue(null)!).ToList();
        Assert.Equal(rules.Count, rules.Select(r => r.Code).Distinct().Count());
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.MessageZh) || string.IsNullOrWhiteSpace(r.MessageEn)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
