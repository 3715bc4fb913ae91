using System.Text.Json;
using Transparency.EventStore;
using Transparency.Projections.Cases;
using static Transparency.Projections.Cases.CaseEvents;
using static Transparency.Projections.Tests.Cases.CaseFixtures;

namespace Transparency.Projections.Tests.Cases;

public sealed class CaseEventsJsonTests
{
    [Fact]
    public void Every_event_record_has_one_stable_versioned_name()
    {
        var eventTypes = typeof(V1).GetNestedTypes().Where(t => typeof(ICaseEvent).IsAssignableFrom(t)).ToList();
        Assert.Equal(25, eventTypes.Count);
        Assert.Equal(eventTypes.OrderBy(t => t.Name), CaseEventTypes.All.Select(t => t.ClrType).OrderBy(t => t.Name));
        Assert.All(CaseEventTypes.All, t => Assert.Matches(@"^case\.[a-z_]+\.v1$", t.StoredName));
        Assert.Equal(CaseEventTypes.All.Count, CaseEventTypes.All.Select(t => t.StoredName).Distinct().Count());
        Assert.Equal("case.filed.v1", CaseEventTypes.StoredNameOf(Filing()));
    }

    [Fact]
    public void The_store_registry_knows_every_case_event_by_its_stored_name()
    {
        var registry = new EventTypeRegistry().AddCaseEvents();
        Assert.All(CaseEventTypes.All, t =>
        {
            Assert.Equal(t.StoredName, registry.StoredNameOf(t.ClrType));
            Assert.True(registry.IsKnown(t.StoredName));
        });
    }

    [Fact]
    public void A_filing_round_trips_through_its_source_generated_json()
    {
        var filing = Filing() with { EarlierCaseNumber = "（2022）川0104执77号" };
        var json = JsonSerializer.Serialize(filing, CaseEventsJsonContext.Default.CaseFiled);
        var back = JsonSerializer.Deserialize(json, CaseEventsJsonContext.Default.CaseFiled)!;

        Assert.Contains("\"amount_claimed\":10000000", json, StringComparison.Ordinal);
        Assert.Contains("\"on\":\"2024-03-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"NaturalPerson\"", json, StringComparison.Ordinal);
        Assert.Equal(filing.Parties, back.Parties);
        Assert.Equal(filing with { Parties = back.Parties }, back);
    }

    [Fact]
    public void A_listing_round_trips_with_its_ground_and_open_period()
    {
        var listing = new V1.DebtorListed(Day(30), "S1", Person, ListingGround.RefusesDespiteAbility, "（2024）川0104执1234号之一", null, "支付", Performance.NotPerformed);
        var json = JsonSerializer.Serialize(listing, CaseEventsJsonContext.Default.DebtorListed);
        Assert.Equal(listing, JsonSerializer.Deserialize(json, CaseEventsJsonContext.Default.DebtorListed));
        Assert.Contains("\"ground\":\"RefusesDespiteAbility\"", json, StringComparison.Ordinal);
    }
}
