using Transparency.EventStore;
using Transparency.Projections.Cases;
using Transparency.Projections.ReadModels;

namespace Transparency.Api.Hosting;

/// <summary>The composition root of the store: the enforcement events and the public read models.</summary>
public static class Composition
{
    public static StoreComposition Create(Settings? settings = null)
    {
        settings ??= Settings.FromEnvironment();
        var registry = new EventTypeRegistry().AddCaseEvents();
        IProjection[] projections = [new CaseReadModelsProjection(new PartyMasker(settings.MatchKey))];
        return new StoreComposition(registry, projections, [typeof(CaseReadModelsProjection).Assembly]);
    }
}
