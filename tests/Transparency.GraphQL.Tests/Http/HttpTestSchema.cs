using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Tests.Http;

/// <summary>
/// The small schema the HTTP and armour tests serve: a query with lists and arguments, a slow
/// field that honours cancellation, and a mutation whose every run is counted.
/// </summary>
internal sealed class HttpTestSchema
{
    public sealed record Case(string Id, string Court);

    public sealed record Party(string Name);

    private int _notes;

    /// <summary>How many times addNote ran.</summary>
    public int NotesAdded => Volatile.Read(ref _notes);

    public GraphQLSchema Build() => new SchemaBuilder()
        .Query("Query", q => q
            .Field("hello", "String!", (_, c) => "hello " + c.GetArgument<string>("name"))
                .Argument("name", "String", a => a.Default("world"))
            .Field("cases", "[Case!]!", (_, c) => Cases(c.GetArgument<int?>("first") ?? c.GetArgument<int?>("last") ?? 3, c.GetArgument<string>("court")))
                .Argument("first", "Int")
                .Argument("last", "Int")
                .Argument("court", "String")
            .Field("case", "Case", (_, c) => new Case(c.GetArgument<string>("id")!, "Beijing"))
                .Argument("id", "ID!")
            .Field("slow", "String")
                .Argument("ms", "Int!")
                .ResolveAsync(async (_, c) =>
                {
                    await Task.Delay(c.GetArgument<int>("ms"), c.CancellationToken);
                    return "done";
                }))
        .Mutation("Mutation", m => m
            .Field("addNote", "String!", (_, c) =>
            {
                Interlocked.Increment(ref _notes);
                return "noted: " + c.GetArgument<string>("text");
            })
                .Argument("text", "String!"))
        .Object<Case>("Case", o => o
            .Field("id", "ID!", s => s.Id)
            .Field("court", "String!", s => s.Court)
            .Field("parties", "[Party!]!", (s, c) => Enumerable.Range(1, Math.Min(c.GetArgument<int?>("first") ?? 2, 100)).Select(i => new Party($"{s.Id}-party-{i}")).ToArray())
                .Argument("first", "Int")
            .Field("similar", "[Case!]!", (s, c) => Cases(c.GetArgument<int?>("first") ?? 1, s.Court))
                .Argument("first", "Int"))
        .Object<Party>("Party", o => o
            .Field("name", "String!", s => s.Name))
        .Build();

    private static Case[] Cases(int count, string? court) =>
        [.. Enumerable.Range(1, Math.Clamp(count, 0, 100)).Select(i => new Case($"case-{i}", court ?? "Beijing"))];
}
