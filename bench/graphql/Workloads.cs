using System.Text.Json;
using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Bench;

/// <summary>The schema, data and the two requests, loaded from the files the Node side reads too.</summary>
public sealed class Workloads
{
    private Workloads(GraphQLSchema schema, GraphQLRequest sanctionsPage, GraphQLRequest introspection)
    {
        Schema = schema;
        SanctionsPage = sanctionsPage;
        Introspection = introspection;
    }

    public GraphQLSchema Schema { get; }

    public GraphQLRequest SanctionsPage { get; }

    public GraphQLRequest Introspection { get; }

    /// <param name="root">bench/graphql; queries/introspection.graphql is graphql-js's getIntrospectionQuery()
    /// with every option on, as node/bench.mjs prepare checks.</param>
    public static Workloads Load(string root)
    {
        var sanctions = SanctionsSchema.LoadData(Path.Combine(root, "data", "sanctions.json"));
        var schema = SanctionsSchema.Build(File.ReadAllText(Path.Combine(root, "schema.graphql")), sanctions);
        using var variablesJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "queries", "sanctions-page.variables.json")));

        // In process, variables are CLR values (graphql-js gets JS values parsed from the same file).
        var variables = variablesJson.RootElement.EnumerateObject()
            .ToDictionary(member => member.Name, member => DefaultResolver.FromJson(member.Value), StringComparer.Ordinal);
        return new Workloads(
            schema,
            new GraphQLRequest(File.ReadAllText(Path.Combine(root, "queries", "sanctions-page.graphql")), variables),
            new GraphQLRequest(File.ReadAllText(Path.Combine(root, "queries", "introspection.graphql"))));
    }

    public GraphQLEngine Engine(bool cacheDocuments) =>
        new(Schema, new GraphQLEngineOptions { MaxCachedDocuments = cacheDocuments ? 1000 : 0 });
}
