using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Transparency.GraphQL.Armour;
using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Http;

public static class GraphQLEndpoints
{
    /// <summary>
    /// Serves the schema over HTTP (GET and POST) at pattern, armoured for the public: depth,
    /// alias and cost limits and a timeout (<see cref="ArmourOptions"/>'s defaults unless given).
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints, string pattern, GraphQLSchema schema, GraphQLHttpOptions? options = null, ArmourOptions? armour = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var engine = new GraphQLEngine(schema, new GraphQLEngineOptions().WithArmour(armour ?? new ArmourOptions()));
        return endpoints.MapGraphQL(pattern, engine, options);
    }

    /// <summary>Serves GraphQL over HTTP (GET and POST) at pattern with one engine.</summary>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints, string pattern, GraphQLEngine engine, GraphQLHttpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return endpoints.MapGraphQL(pattern, _ => engine, options);
    }

    /// <summary>Serves GraphQL over HTTP at pattern with the engine the factory picks per request (e.g. from DI).</summary>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints, string pattern, Func<HttpContext, GraphQLEngine> engineFactory, GraphQLHttpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(engineFactory);
        var handler = new GraphQLHttpHandler(engineFactory, options ?? new GraphQLHttpOptions());

        // Every method reaches the handler, so a PUT gets a GraphQL error body with its 405.
        return endpoints.Map(pattern, handler.HandleAsync).WithDisplayName("GraphQL " + pattern);
    }
}
