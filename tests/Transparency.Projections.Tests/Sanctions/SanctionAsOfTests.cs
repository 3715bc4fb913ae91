using Transparency.Projections.CaseProgress;
using Transparency.Projections.Cases;
using Transparency.Projections.Sanctions;
using Transparency.Projections.Tests.CaseProgress;
using static Transparency.Projections.Cases.CaseEvents;
using static Transparency.Projections.Tests.Cases.CaseFixtures;

namespace Transparency.Projections.Tests.Sanctions;

public sealed class SanctionAsOfTests
{
    private static readonly DateOnly ListedOn = Day(30);
    private static readonly DateOnly LiftedOn = Day(90);
    private static readonly DateOnly RelistedOn = Day(150);

    private static V1.DebtorListed Listing(string id, DateOnly on) =>
        new(on, id, Person, ListingGround.ViolatesPropertyReporting, $"（2024）川0104执1234号之{id}", on.AddYears(2), "支付货款", Performance.NotPerformed);

    private static PublicCase ListLiftRelist() => PublicCaseProjectionTests.Project(
        [.. Started(), Listing("S1", ListedOn), new V1.SanctionLifted(LiftedOn, "S1", LiftReason.ErrorCorrected), Listing("S2", RelistedOn)]);

    [Fact]
    public void Was_the_debtor_listed_on_a_day_before_between_and_after()
    {
        var c = ListLiftRelist();
        var entries = SanctionEntries.From(c);
        var key = c.Parties.Single(p => p.PublicId == PersonIdMasked).DebtorKey;

        Assert.Empty(SanctionEntries.ActiveOn(entries, key, ListedOn.AddDays(-1)));
        Assert.Equal("S1", Assert.Single(SanctionEntries.ActiveOn(entries, key, ListedOn)).SanctionId);
        Assert.Equal("S1", Assert.Single(SanctionEntries.ActiveOn(entries, key, LiftedOn.AddDays(-1))).SanctionId);
        Assert.Empty(SanctionEntries.ActiveOn(entries, key, LiftedOn));
        Assert.Empty(SanctionEntries.ActiveOn(entries, key, RelistedOn.AddDays(-1)));
        Assert.Equal("S2", Assert.Single(SanctionEntries.ActiveOn(entries, key, RelistedOn)).SanctionId);
        Assert.Equal("S2", Assert.Single(SanctionEntries.ActiveOn(entries, key, Today)).SanctionId);
    }

    [Fact]
    public void Each_listing_keeps_its_own_history()
    {
        var entries = SanctionEntries.From(ListLiftRelist());
        Assert.Equal(["imposed", "lifted"], entries.Single(e => e.SanctionId == "S1").History.Select(h => h.Change));
        Assert.Equal(["imposed"], entries.Single(e => e.SanctionId == "S2").History.Select(h => h.Change));
        Assert.Equal((ListedOn, (DateOnly?)LiftedOn, (LiftReason?)LiftReason.ErrorCorrected),
            entries.Single(e => e.SanctionId == "S1") is var s1 ? (s1.ListedOn, s1.LiftedOn, s1.LiftReason) : default);
        Assert.Equal("张三丰", entries.Single(e => e.SanctionId == "S2").DebtorName);
        Assert.Equal("（2024）川0104执1234号#S2", entries.Single(e => e.SanctionId == "S2").EntryId);
    }
}
