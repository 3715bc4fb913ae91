using Transparency.EventStore;
using Transparency.Projections.CaseProgress;
using Transparency.Projections.Cases;
using Transparency.Projections.Debtors;
using Transparency.Projections.ReadModels;
using Transparency.Projections.Sanctions;
using Transparency.Projections.Tests.ReadModels;
using static Transparency.Projections.Cases.CaseEvents;
using static Transparency.Projections.Tests.Cases.CaseFixtures;

namespace Transparency.Projections.Tests.Sanctions;

/// <summary>
/// "Was this person listed on the day I checked?" answered from the real store and read models: a
/// counterparty finds the debtor by the masked ID and name, then asks for days before the listing,
/// between its deletion and a new listing, and after.
/// </summary>
public sealed class SanctionAsOfDatabaseTests(ReadModelsDatabase db) : IClassFixture<ReadModelsDatabase>
{
    private const string CaseNumber = "（2024）川0104执4321号";
    private static readonly DateOnly ListedOn = Day(30);
    private static readonly DateOnly LiftedOn = Day(90);
    private static readonly DateOnly RelistedOn = Day(150);

    private static V1.DebtorListed Listing(string id, DateOnly on) =>
        new(on, id, Person, ListingGround.ViolatesPropertyReporting, $"（2024）川0104执4321号之{id}", on.AddYears(2), "支付货款", Performance.NotPerformed);

    [Fact]
    public async Task A_listed_lifted_and_relisted_debtor_is_answered_for_before_between_and_after()
    {
        var streams = new CaseStreams(new PostgresEventStore(db.DataSource, new EventTypeRegistry().AddCaseEvents(),
            new EventStoreOptions([new CaseReadModelsProjection(Masker)], Notify: false)), TimeProvider.System);
        // Appended as the court would report them, one milestone after another.
        foreach (var step in new ICaseEvent[][]
        {
            [Filing() with { CaseNumber = CaseNumber }, .. Started()[1..], Listing("S1", ListedOn)],
            [new V1.SanctionLifted(LiftedOn, "S1", LiftReason.ErrorCorrected)],
            [Listing("S2", RelistedOn)],
        })
        {
            var outcome = await streams.AppendAsync(CaseNumber, step);
            Assert.True(outcome.IsAccepted, outcome.Decision.BrokenRule?.ToString());
        }

        var debtor = Assert.Single(await DebtorQueries.FindAsync(db.DataSource, PersonIdMasked, "张三丰"));
        var page = (await CaseProgressQueries.FindAsync(db.DataSource, CaseNumber))!.Progress;

        // The credit check's answer and the sanctions in force on the case page of that day.
        async Task<(bool Listed, string InForce, string OnCasePage)> AskAsync(DateOnly day)
        {
            var check = await CreditChecks.CheckAsync(db.DataSource, debtor.DebtorKey, day);
            return (check.IsListed, string.Join(",", check.InForce.Select(e => e.SanctionId)),
                string.Join(",", CaseAsOf.On(page, day).SanctionsInForce.Select(s => s.SanctionId)));
        }

        Assert.Equal((false, "", ""), await AskAsync(ListedOn.AddDays(-1)));
        Assert.Equal((true, "S1", "S1"), await AskAsync(ListedOn));
        Assert.Equal((true, "S1", "S1"), await AskAsync(LiftedOn.AddDays(-1)));
        // Deleted on LiftedOn: from that day the list no longer shows it, though its history does.
        Assert.Equal((false, "", ""), await AskAsync(LiftedOn));
        Assert.Equal((false, "", ""), await AskAsync(RelistedOn.AddDays(-1)));
        Assert.Equal((true, "S2", "S2"), await AskAsync(RelistedOn));
        Assert.Equal((true, "S2", "S2"), await AskAsync(RelistedOn.AddYears(1)));

        var history = await SanctionQueries.HistoryAsync(db.DataSource, debtor.DebtorKey);
        Assert.Equal([("S1", (DateOnly?)LiftedOn), ("S2", null)], history.Select(e => (e.SanctionId, e.LiftedOn)));
        // The listing in force names the person in full, the deleted one no longer does; the ID is masked in both.
        Assert.Equal([("张**", PersonIdMasked), ("张三丰", PersonIdMasked)], history.Select(e => (e.DebtorName, e.DebtorPublicId)));
    }
}
