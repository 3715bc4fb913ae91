using System.Text.Json;
using Transparency.GraphQL.Relay;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Bench;

public sealed record Court(string Code, string Name, string? Province);

public sealed record Debtor(string Name, string? PublicId, string Kind);

/// <summary>One published sanction, as the read model would hand it to the API (already masked).</summary>
public sealed record Sanction(
    string Id,
    string Kind,
    string Status,
    Court Court,
    string CaseNumber,
    Debtor Debtor,
    DateOnly ListedOn,
    DateOnly? PeriodEnd,
    DateOnly? LiftedOn,
    string? LiftReason,
    string? Basis);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

public sealed record SanctionEdge(string Cursor, Sanction Node);

public sealed record SanctionConnection(int TotalCount, PageInfo PageInfo, SanctionEdge[] Edges);

/// <summary>
/// The benchmark's schema: bench/graphql/schema.graphql built with BuildAstSchema, plus the same
/// three root resolvers the graphql-js side puts on its root value. Everything below the root is
/// read by the default resolver, on both sides.
/// </summary>
public static class SanctionsSchema
{
    private const int MaxPageSize = 50;

    public static IReadOnlyList<Sanction> LoadData(string path) =>
        JsonSerializer.Deserialize<List<Sanction>>(File.ReadAllText(path), JsonSerializerOptions.Web)
        ?? throw new InvalidDataException($"{path} holds no sanctions.");

    public static GraphQLSchema Build(string sdl, IReadOnlyList<Sanction> sanctions)
    {
        var built = BuildAstSchema.BuildSchema(sdl, new BuildSchemaOptions
        {
            ScalarImplementations = new Dictionary<string, ScalarType> { ["Date"] = Scalars.Date },
        });
        var query = built.QueryType ?? throw new InvalidDataException("The SDL has no query type.");
        var resolvers = new Dictionary<string, SyncFieldResolver>(StringComparer.Ordinal)
        {
            ["sanctions"] = context => Page(sanctions, context),
            ["sanction"] = context => FindById(sanctions, context.GetArgument<string>("id")!),
            ["creditCheck"] = context => CreditCheck(sanctions, context.GetArgument<IReadOnlyDictionary<string, object?>>("by")!),
        };

        // SDL carries no resolvers: rebuild the query type with them, keeping every other type
        // (and the order of the type map, which introspection shows) as BuildAstSchema made it.
        var withResolvers = new ObjectType(
            query.Name,
            query.Fields.Select(field => new FieldDefinition(field.Name, field.Type, field.Arguments)
            {
                Description = field.Description,
                DeprecationReason = field.DeprecationReason,
                AstNode = field.AstNode,
                ResolveSync = resolvers.GetValueOrDefault(field.Name),
            }).ToList(),
            query.Interfaces)
        {
            Description = query.Description,
            AstNode = query.AstNode,
            ExtensionAstNodes = query.ExtensionAstNodes,
        };
        var types = built.TypeMap.Values
            .Where(type => !type.Name.StartsWith("__", StringComparison.Ordinal))
            .Select(type => ReferenceEquals(type, query) ? withResolvers : type);
        return new GraphQLSchema(withResolvers, built.MutationType, built.SubscriptionType, types, built.Directives)
        {
            Description = built.Description,
            AstNode = built.AstNode,
            ExtensionAstNodes = built.ExtensionAstNodes,
        };
    }

    private static SanctionConnection Page(IReadOnlyList<Sanction> sanctions, ResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first") ?? 20;
        if (first is < 0 or > MaxPageSize)
        {
            throw new GraphQLError($"Argument \"first\" must be between 0 and {MaxPageSize}.", extensions: BadUserInput);
        }

        var filter = context.GetArgument<IReadOnlyDictionary<string, object?>>("filter");
        var kind = context.GetArgument<string>("kind") ?? filter?.GetValueOrDefault("kind") as string;
        var status = context.GetArgument<string>("status") ?? filter?.GetValueOrDefault("status") as string;
        var courtCode = context.GetArgument<string>("courtCode") ?? filter?.GetValueOrDefault("courtCode") as string;
        var matches = new List<Sanction>();
        foreach (var sanction in sanctions)
        {
            if ((kind is null || sanction.Kind == kind)
                && (status is null || sanction.Status == status)
                && (courtCode is null || sanction.Court.Code == courtCode))
            {
                matches.Add(sanction);
            }
        }

        var after = context.GetArgument<string>("after");
        var start = after is null ? 0 : Cursor.ToOffset(after, "after") + 1;
        var count = Math.Max(0, Math.Min(first, matches.Count - start));
        var edges = new SanctionEdge[count];
        for (var i = 0; i < count; i++)
        {
            edges[i] = new SanctionEdge(Cursor.FromOffset(start + i), matches[start + i]);
        }

        return new SanctionConnection(
            matches.Count,
            new PageInfo(
                start + count < matches.Count,
                start > 0,
                count > 0 ? edges[0].Cursor : null,
                count > 0 ? edges[^1].Cursor : null),
            edges);
    }

    private static Sanction? FindById(IReadOnlyList<Sanction> sanctions, string id) => sanctions.FirstOrDefault(s => s.Id == id);

    private static Sanction[] CreditCheck(IReadOnlyList<Sanction> sanctions, IReadOnlyDictionary<string, object?> by) =>
        by.GetValueOrDefault("creditCode") is string creditCode
            ? [.. sanctions.Where(s => s.Status == "ACTIVE" && s.Debtor.PublicId == creditCode)]
            : [.. sanctions.Where(s => s.Status == "ACTIVE" && s.Debtor.Name == by.GetValueOrDefault("name") as string)];

    private static Dictionary<string, object?> BadUserInput => new() { ["code"] = "BAD_USER_INPUT" };
}
