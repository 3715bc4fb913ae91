using System.Reflection;
using Transparency.EventStore;

namespace Transparency.Api.Hosting;

/// <summary>
/// What the host runs the store with: the event types it can read, the projections the daemon
/// keeps, and the assemblies whose numbered migrations apply after the store's own.
/// </summary>
public sealed record StoreComposition(
    EventTypeRegistry Registry,
    IReadOnlyList<IProjection> Projections,
    IReadOnlyList<Assembly> MigrationAssemblies);
