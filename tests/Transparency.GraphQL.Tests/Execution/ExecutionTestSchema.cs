using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Types;

namespace Transparency.GraphQL.Tests.Execution;

/// <summary>A small code-first schema that exercises every completion path of the executor.</summary>
internal static class ExecutionTestSchema
{
    public sealed record Dog(string Name, bool Barks);

    public sealed record Cat(string Name, bool Meows);

    public sealed class Thing
    {
        public string Ok { get; init; } = "ok";

        public string? NonNullNull { get; init; }

        public Thing? Nested { get; init; }
    }

    public static GraphQLSchema Create(List<int>? mutationLog = null, TaskCompletionSource? gate = null)
    {
        var named = new InterfaceType("Named", [new FieldDefinition("name", Scalars.String)]);
        var dog = new ObjectType("Dog", [new FieldDefinition("name", Scalars.String), new FieldDefinition("barks", Scalars.Boolean)], [named])
        {
            ClrType = typeof(Dog),
        };
        var cat = new ObjectType("Cat", [new FieldDefinition("name", Scalars.String), new FieldDefinition("meows", Scalars.Boolean)], [named])
        {
            IsTypeOf = (value, _) => value is Cat,
        };
        var pet = new UnionType("Pet", [dog, cat]);

        ObjectType thing = null!;
        thing = new ObjectType("Thing", () =>
        [
            new FieldDefinition("ok", Scalars.String),
            new FieldDefinition("nonNullNull", new NonNullType(Scalars.String)),
            new FieldDefinition("nested", thing),
            new FieldDefinition("fail", Scalars.String) { ResolveSync = _ => throw new InvalidOperationException("thing failed") },
            new FieldDefinition("asyncOk", Scalars.String)
            {
                Resolve = async _ =>
                {
                    await Task.Yield();
                    return "async ok";
                },
            },
        ]);

        var input = new InputObjectType("In",
        [
            new InputValueDefinition("a", new NonNullType(Scalars.Int)),
            new InputValueDefinition("b", new ListType(new NonNullType(Scalars.String))),
            new InputValueDefinition("c", Scalars.String) { DefaultValue = "c default", HasDefaultValue = true },
        ]);
        var color = new EnumType("Color", [new EnumValueDefinition("RED", 1), new EnumValueDefinition("GREEN", 2)]);

        var query = new ObjectType("Query",
        [
            new FieldDefinition("hello", Scalars.String, [new InputValueDefinition("name", Scalars.String) { DefaultValue = "world", HasDefaultValue = true }])
            {
                ResolveSync = c => "hello " + c.GetArgument<string>("name"),
            },
            new FieldDefinition("int", Scalars.Int, [new InputValueDefinition("x", new NonNullType(Scalars.Int))])
            {
                ResolveSync = c => c.Arguments["x"],
            },
            new FieldDefinition("echo", Scalars.String, [new InputValueDefinition("i", input)])
            {
                ResolveSync = c => Describe(c.Arguments.GetValueOrDefault("i")),
            },
            new FieldDefinition("color", color, [new InputValueDefinition("c", color)]) { ResolveSync = c => c.Arguments.GetValueOrDefault("c") },
            new FieldDefinition("nonNullFail", new NonNullType(Scalars.String)) { ResolveSync = _ => throw new GraphQLError("boom") },
            new FieldDefinition("nullableFail", Scalars.String) { ResolveSync = _ => throw new InvalidOperationException("secret detail") },
            new FieldDefinition("thing", thing) { ResolveSync = _ => new Thing { Nested = new Thing() } },
            new FieldDefinition("things", new ListType(thing)) { ResolveSync = _ => new[] { new Thing(), new Thing() } },
            new FieldDefinition("ints", new ListType(Scalars.Int)) { ResolveSync = _ => new int?[] { 1, null, 3 } },
            new FieldDefinition("strictInts", new ListType(new NonNullType(Scalars.Int))) { ResolveSync = _ => new int?[] { 1, null, 3 } },
            new FieldDefinition("notAList", new ListType(Scalars.Int)) { ResolveSync = _ => 5 },
            new FieldDefinition("pets", new ListType(pet)) { ResolveSync = _ => new object[] { new Dog("Rex", true), new Cat("Tom", false) } },
            new FieldDefinition("named", new NonNullType(new ListType(new NonNullType(named)))) { ResolveSync = _ => new object[] { new Cat("Tom", true), new Dog("Rex", false) } },
            new FieldDefinition("unresolvable", named) { ResolveSync = _ => "a string" },
            new FieldDefinition("dictionary", pet) { ResolveSync = _ => new Dictionary<string, object?> { ["__typename"] = "Dog", ["name"] = "Dict", ["barks"] = true } },
            new FieldDefinition("asyncHello", Scalars.String)
            {
                Resolve = async _ =>
                {
                    await Task.Delay(5);
                    return "async hello";
                },
            },
            new FieldDefinition("asyncFail", new NonNullType(Scalars.String))
            {
                Resolve = async _ =>
                {
                    await Task.Yield();
                    throw new GraphQLError("async boom", extensions: new Dictionary<string, object?> { ["code"] = "CUSTOM" });
                },
            },
            new FieldDefinition("taskValue", Scalars.Int) { ResolveSync = _ => Task.FromResult(42) },
            new FieldDefinition("first", Scalars.String)
            {
                // Finishes only once "second" has started: proves sibling query fields overlap.
                Resolve = async _ =>
                {
                    await gate!.Task.WaitAsync(TimeSpan.FromSeconds(10));
                    return "first";
                },
            },
            new FieldDefinition("second", Scalars.String)
            {
                ResolveSync = _ =>
                {
                    gate!.TrySetResult();
                    return "second";
                },
            },
            new FieldDefinition("slow", Scalars.String)
            {
                Resolve = async c =>
                {
                    await Task.Delay(Timeout.Infinite, c.CancellationToken);
                    return "never";
                },
            },
        ]);

        var mutation = new ObjectType("Mutation",
        [
            new FieldDefinition("append", new ListType(Scalars.Int), [new InputValueDefinition("v", new NonNullType(Scalars.Int)), new InputValueDefinition("delay", Scalars.Int)])
            {
                Resolve = async c =>
                {
                    await Task.Delay(c.GetArgument<int>("delay"));
                    lock (mutationLog!)
                    {
                        mutationLog.Add(c.GetArgument<int>("v"));
                        return mutationLog.ToArray();
                    }
                },
            },
            new FieldDefinition("failNonNull", new NonNullType(Scalars.Int)) { ResolveSync = _ => null },
        ]);

        return new GraphQLSchema(query, mutation, types: [dog, cat]);
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => s,
        IEnumerable<KeyValuePair<string, object?>> map => "{" + string.Join(",", map.Select(p => p.Key + ":" + Describe(p.Value))) + "}",
        System.Collections.IEnumerable list => "[" + string.Join(",", list.Cast<object?>().Select(Describe)) + "]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    public static async Task<ExecutionResult> Run(
        GraphQLSchema schema, string query, IReadOnlyDictionary<string, object?>? variables = null, ExecutionOptions? options = null, CancellationToken token = default)
    {
        var engine = new GraphQLEngine(schema, new GraphQLEngineOptions { Execution = options ?? new ExecutionOptions() });
        return await engine.ExecuteAsync(new GraphQLRequest(query, variables), null, token);
    }
}
