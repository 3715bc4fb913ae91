using System.Text.Json;
using Transparency.Projections.CaseProgress;
using Transparency.Projections.Cases;
using Transparency.Projections.Courts;
using Transparency.Projections.Demo;
using Transparency.Projections.Identifiers;
using Transparency.Projections.Oversight;
using static Transparency.Projections.Cases.CaseEvents;

namespace Transparency.Projections.Tests.Demo;

/// <summary>20,000 generated cases, folded once for every test of the class.</summary>
public sealed class GeneratedCases
{
    public static readonly DateOnly Today = new(2026, 11, 23);
    public const int Seed = 20_240_301;
    public const int Count = 20_000;

    public GeneratedCases()
    {
        Cases = [.. new DemoCaseGenerator(Seed, Today).Generate(Count)];
        States = Cases.Select(c => CaseState.Fold(c.Events)).ToList();
        Public = Cases.Select(c => PublicCaseProjection.Fold(c.Events, Tests.Cases.CaseFixtures.Masker)).ToList();
    }

    public IReadOnlyList<DemoCase> Cases { get; }
    public IReadOnlyList<CaseState> States { get; }
    public IReadOnlyList<PublicCase> Public { get; }
}

public sealed class DemoCaseGeneratorTests(GeneratedCases data) : IClassFixture<GeneratedCases>
{
    private static string Serialized(DemoCase c) => string.Join("\n", c.Events.Select(e =>
        CaseEventTypes.StoredNameOf(e) + " " + JsonSerializer.Serialize(e, e.GetType(), CaseEventsJsonContext.Default)));

    [Fact]
    public void The_same_seed_gives_the_same_cases_and_events()
    {
        var first = new DemoCaseGenerator(42, GeneratedCases.Today).Generate(3_000).Select(Serialized).ToList();
        var second = new DemoCaseGenerator(42, GeneratedCases.Today).Generate(3_000).Select(Serialized).ToList();
        var other = new DemoCaseGenerator(43, GeneratedCases.Today).Generate(3_000).Select(Serialized).ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first.Take(10), other.Take(10));
        // A longer run starts with the shorter one: cases stream out in order and later ones do not change earlier ones.
        Assert.Equal(first.Take(500), new DemoCaseGenerator(42, GeneratedCases.Today).Generate(500).Select(Serialized));
    }

    [Fact]
    public void Every_generated_case_is_accepted_by_the_decider_event_by_event()
    {
        Assert.Equal(GeneratedCases.Count, data.Cases.Count);
        Assert.Equal(data.Cases.Count, data.Cases.Select(c => c.CaseNumber).Distinct().Count());
        foreach (var c in data.Cases)
        {
            var decision = CaseDecider.DecideAll(CaseState.Initial, c.Events, GeneratedCases.Today);
            Assert.True(decision.IsAccepted, $"{c.CaseNumber}: {decision.BrokenRule} ({decision.Detail})");
            Assert.All(c.Events, e => Assert.True(e.On <= GeneratedCases.Today));
            // Events are in date order, as a court system would report them.
            Assert.True(c.Events.Zip(c.Events.Skip(1)).All(p => p.First.On <= p.Second.On), c.CaseNumber);
        }
    }

    [Fact]
    public void Every_id_and_credit_code_passes_its_check_character()
    {
        var parties = data.Cases.SelectMany(c => ((V1.CaseFiled)c.Events[0]).Parties).ToList();
        Assert.All(parties.Where(p => p.Kind == PartyKind.NaturalPerson),
            p => Assert.True(ResidentId.TryParse(p.IdNumber, out _), p.IdNumber));
        Assert.All(parties.Where(p => p.Kind == PartyKind.Organisation),
            p => Assert.True(UnifiedSocialCreditCode.TryParse(p.IdNumber, out _), p.IdNumber));
        // Names look Chinese: 2–4 characters for people, surnames led by the common ones.
        var people = parties.Where(p => p.Kind == PartyKind.NaturalPerson).Select(p => p.Name).ToList();
        Assert.All(people, n => Assert.InRange(n.Length, 2, 4));
        var surnames = people.GroupBy(n => n[..1]).OrderByDescending(g => g.Count()).Take(3).Select(g => g.Key).ToHashSet();
        // The most frequent surnames come out most often, as in any Chinese list of names.
        Assert.Subset(new HashSet<string> { "王", "李", "张", "刘", "陈" }, surnames);
        Assert.Contains(parties, p => p.Name.EndsWith("有限公司", StringComparison.Ordinal));
        Assert.Contains(parties, p => p.Name.Contains("银行", StringComparison.Ordinal));
    }

    [Fact]
    public void Courts_of_both_provinces_and_mostly_basic_courts_over_about_three_years()
    {
        var courts = data.States.Select(s => CourtDirectory.Find(s.CourtCode)!).ToList();
        Assert.Contains(courts, c => c.Province.CourtAbbreviation == "川");
        Assert.Contains(courts, c => c.Province.CourtAbbreviation == "豫");
        Assert.InRange(courts.Count(c => c.Level == CourtLevel.Basic) / (double)courts.Count, 0.7, 0.97);
        Assert.Contains(courts, c => c.Level == CourtLevel.Intermediate);
        var filed = data.States.Select(s => s.FiledOn).ToList();
        Assert.InRange(GeneratedCases.Today.DayNumber - filed.Min().DayNumber, 2 * 365, 3 * 365 + 1);
        Assert.InRange(GeneratedCases.Today.DayNumber - filed.Max().DayNumber, 0, 7);
    }

    [Fact]
    public void The_outcome_mix_is_mostly_终本_with_performed_settled_resumed_and_open_cases()
    {
        double Share(Func<CaseState, bool> p) => data.States.Count(p) / (double)data.States.Count;
        var terminatedForNow = Share(s => s.Conclusion?.Method == ConclusionMethod.TerminatedForNow);
        var fully = Share(s => s.Conclusion is { Method: ConclusionMethod.Completed, UnperformedAmount: 0 });
        var partly = Share(s => s.Conclusion is { Method: ConclusionMethod.Completed, UnperformedAmount: > 0 });
        var settled = Share(s => s.Settled && s.Conclusion?.Method == ConclusionMethod.Completed);
        var open = Share(s => !s.IsClosed);

        Assert.InRange(terminatedForNow, 0.35, 0.6);
        Assert.InRange(fully, 0.15, 0.4);
        Assert.InRange(partly, 0.02, 0.15);
        Assert.InRange(settled, 0.03, 0.15);
        Assert.InRange(open, 0.05, 0.25);
        Assert.Contains(data.States, s => s.Conclusion?.Method == ConclusionMethod.Terminated);
        Assert.Contains(data.States, s => s.Stage == CaseStage.TransferredToBankruptcy);

        // 执恢 cases link an earlier 终本 case of the same court and the same debtors.
        var byNumber = data.States.ToDictionary(s => s.CaseNumber);
        var resumed = data.Cases.Select(c => (V1.CaseFiled)c.Events[0]).Where(f => f.EarlierCaseNumber is not null).ToList();
        Assert.InRange(resumed.Count / (double)data.Cases.Count, 0.02, 0.1);
        Assert.All(resumed, f =>
        {
            Assert.Contains("执恢", f.CaseNumber, StringComparison.Ordinal);
            var earlier = byNumber[f.EarlierCaseNumber!];
            Assert.Equal(ConclusionMethod.TerminatedForNow, earlier.Conclusion?.Method);
            Assert.Equal(earlier.CourtCode, f.CourtCode);
            Assert.True(earlier.Conclusion!.On < f.On);
            Assert.Equal(earlier.Respondents.Select(p => p.IdNumber), f.Parties.Where(p => p.Role == PartyRole.Respondent).Select(p => p.IdNumber));
        });
    }

    [Fact]
    public void Sanctions_seizures_auctions_and_money_all_occur()
    {
        var events = data.Cases.SelectMany(c => c.Events).ToList();
        int Count<T>() => events.OfType<T>().Count();

        var listings = events.OfType<V1.DebtorListed>().ToList();
        Assert.True(listings.Count > 2_000, $"{listings.Count} listings");
        Assert.Equal(6, listings.Select(l => l.Ground).Distinct().Count());
        Assert.True(Count<V1.ConsumptionRestricted>() > listings.Count);
        Assert.True(Count<V1.ExitBanned>() > 50);
        var lifts = events.OfType<V1.SanctionLifted>().ToList();
        Assert.Superset(new HashSet<LiftReason> { LiftReason.Performed, LiftReason.SettlementPerformed, LiftReason.PeriodExpired, LiftReason.CaseClosed },
            lifts.Select(l => l.Reason).ToHashSet());
        Assert.True(Count<V1.CreditRepaired>() > 300);
        Assert.True(Count<V1.SeizureRenewed>() > 100);
        Assert.True(Count<V1.SeizureLifted>() > 500);
        Assert.True(Count<V1.AuctionSold>() > 300 && Count<V1.AuctionFailed>() > 100 && Count<V1.AssetValued>() > 300);
        Assert.True(Count<V1.FundsReceived>() > 5_000 && Count<V1.FundsDisbursed>() > 5_000);
        Assert.True(Count<V1.SettlementReached>() > 500 && Count<V1.CaseSuspended>() > 100 && Count<V1.PeriodExtended>() > 100);
        // Seizures left to lapse without renewal or lifting: active past their term today.
        Assert.Contains(data.States, s => s.Seizures.Values.Any(z => z.IsActive && z.TermEnd < GeneratedCases.Today));
    }

    [Theory]
    [InlineData(OversightFlagKind.PeriodExceeded)]
    [InlineData(OversightFlagKind.OverSeizure)]
    [InlineData(OversightFlagKind.SeizureExpired)]
    [InlineData(OversightFlagKind.ListingNotDeleted)]
    [InlineData(OversightFlagKind.FundsNotDisbursed)]
    [InlineData(OversightFlagKind.NoInquiryAfterTermination)]
    public void Each_oversight_flag_is_raised_by_some_seeded_cases(OversightFlagKind flag)
    {
        var raising = data.Public.Count(c => OversightFlags.RaisedOn(c, GeneratedCases.Today).Any(f => f.Flag == flag));
        Assert.InRange(raising, 20, data.Public.Count / 10);
    }

    [Fact]
    public void Cases_without_a_lapse_seldom_raise_a_flag()
    {
        var clean = data.Cases.Select((c, i) => (c, p: data.Public[i])).Where(x => x.c.Lapse == DemoLapse.None).ToList();
        var flagged = clean.Where(x => OversightFlags.RaisedOn(x.p, GeneratedCases.Today).Count > 0).ToList();
        Assert.True(flagged.Count < clean.Count / 50,
            $"{flagged.Count} of {clean.Count} clean cases flagged, e.g. {string.Join("; ", flagged.Take(3).Select(x => x.c.CaseNumber + ": " + string.Join(",", OversightFlags.RaisedOn(x.p, GeneratedCases.Today).Select(f => f.Flag))))}");
    }
}
