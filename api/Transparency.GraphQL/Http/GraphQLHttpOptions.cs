using Microsoft.AspNetCore.Http;
using Transparency.GraphQL.Armour;

namespace Transparency.GraphQL.Http;

/// <summary>Settings of a GraphQL-over-HTTP endpoint.</summary>
public sealed record GraphQLHttpOptions
{
    /// <summary>Largest POST body accepted, in bytes; a larger one is answered 413.</summary>
    public long MaxRequestBodySize { get; init; } = 256 * 1024;

    /// <summary>Whether queries may be sent with GET (mutations never may: 405 with Allow: POST).</summary>
    public bool AllowGet { get; init; } = true;

    /// <summary>
    /// Where automatic persisted queries are kept: in memory (least recently used dropped first)
    /// unless another store is given, e.g. a shared one for several instances. Null turns the
    /// protocol off: a hash without a query is answered PersistedQueryNotSupported.
    /// </summary>
    public IPersistedQueryStore? PersistedQueries { get; init; } = new InMemoryPersistedQueryStore();

    /// <summary>The user context resolvers see, made per request (API key, court, caller's address).</summary>
    public Func<HttpContext, object?>? UserContext { get; init; }
}
