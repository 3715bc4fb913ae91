using Transparency.GraphQL.Execution;
using static Transparency.GraphQL.Tests.Execution.ExecutionTestSchema;

namespace Transparency.GraphQL.Tests.Execution;

public sealed class ExecutorTests
{
    private readonly GraphQL.Types.GraphQLSchema _schema = Create();

    private async Task<string> Json(string query, IReadOnlyDictionary<string, object?>? variables = null) =>
        (await Run(_schema, query, variables)).ToJson();

    [Fact]
    public async Task Fields_come_back_in_selection_order_with_aliases_and_typename()
    {
        Assert.Equal(
            """{"data":{"b":"hello you","__typename":"Query","hello":"hello world","t":{"ok":"ok"}}}""",
            await Json("""{ b: hello(name: "you") __typename hello t: thing { ok } }"""));
    }

    [Fact]
    public async Task Fields_with_one_response_key_are_merged()
    {
        Assert.Equal(
            """{"data":{"thing":{"ok":"ok","nested":{"ok":"ok"}}}}""",
            await Json("{ thing { ok } thing { nested { ok } } ...F } fragment F on Query { thing { ok } }"));
    }

    [Fact]
    public async Task Null_in_a_non_null_field_nulls_the_nearest_nullable_parent()
    {
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Thing.nonNullNull.","locations":[{"line":1,"column":26}],"path":["thing","nested","nonNullNull"]}],"data":{"thing":{"ok":"ok","nested":null}}}""",
            await Json("{ thing { ok nested { ok nonNullNull } } }"));
    }

    [Fact]
    public async Task A_failing_non_null_root_field_nulls_data()
    {
        var result = await Run(_schema, "{ hello nonNullFail }");
        Assert.True(result.HasData);
        Assert.Null(result.Data);
        Assert.Equal(
            """{"errors":[{"message":"boom","locations":[{"line":1,"column":9}],"path":["nonNullFail"]}],"data":null}""",
            result.ToJson());
    }

    [Fact]
    public async Task A_resolver_exception_becomes_a_located_error_and_siblings_survive()
    {
        Assert.Equal(
            """{"errors":[{"message":"secret detail","locations":[{"line":1,"column":3}],"path":["nullableFail"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"nullableFail":null,"hello":"hello world"}}""",
            await Json("{ nullableFail hello }"));
    }

    [Fact]
    public async Task Unexpected_errors_can_be_masked()
    {
        var result = await Run(_schema, "{ nullableFail }", options: new ExecutionOptions { MaskUnexpectedErrors = true });
        Assert.Equal("Unexpected error.", Assert.Single(result.Errors).Message);
        Assert.IsType<InvalidOperationException>(result.Errors[0].OriginalError);
    }

    [Fact]
    public async Task Errors_in_list_items_carry_the_index_in_their_path()
    {
        Assert.Equal(
            """{"errors":[{"message":"thing failed","locations":[{"line":1,"column":12}],"path":["things",0,"fail"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}},{"message":"thing failed","locations":[{"line":1,"column":12}],"path":["things",1,"fail"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"things":[{"fail":null},{"fail":null}]}}""",
            await Json("{ things { fail } }"));
    }

    [Fact]
    public async Task Null_items_are_kept_in_nullable_lists_and_null_the_list_otherwise()
    {
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Query.strictInts.","locations":[{"line":1,"column":8}],"path":["strictInts",1]}],"data":{"ints":[1,null,3],"strictInts":null}}""",
            await Json("{ ints strictInts }"));
    }

    [Fact]
    public async Task A_non_iterable_for_a_list_is_an_error()
    {
        Assert.Equal(
            """{"errors":[{"message":"Expected Iterable, but did not find one for field \"Query.notAList\".","locations":[{"line":1,"column":3}],"path":["notAList"]}],"data":{"notAList":null}}""",
            await Json("{ notAList }"));
    }

    [Fact]
    public async Task Skip_and_include_follow_literals_and_variables()
    {
        var variables = new Dictionary<string, object?> { ["yes"] = true, ["no"] = false };
        Assert.Equal(
            """{"data":{"a":"hello world","d":"hello world","e":{"ok":"ok"}}}""",
            await Json(
                """
                query ($yes: Boolean!, $no: Boolean!) {
                  a: hello @include(if: $yes)
                  b: hello @include(if: $no)
                  c: hello @skip(if: true)
                  d: hello @skip(if: $no) @include(if: true)
                  ... @skip(if: $yes) { x: hello }
                  ...F @include(if: $yes)
                }
                fragment F on Query { e: thing { ok } }
                """,
                variables));
    }

    [Fact]
    public async Task Fragments_on_abstract_types_select_by_runtime_type()
    {
        Assert.Equal(
            """{"data":{"pets":[{"__typename":"Dog","name":"Rex","barks":true},{"__typename":"Cat","name":"Tom","meows":false}],"named":[{"name":"Tom"},{"name":"Rex","barks":false}],"dictionary":{"__typename":"Dog","barks":true}}}""",
            await Json(
                """
                {
                  pets { __typename ... on Named { name } ... on Dog { barks } ...C }
                  named { name ... on Dog { barks } }
                  dictionary { __typename ... on Dog { barks } }
                }
                fragment C on Cat { meows }
                """));
    }

    [Fact]
    public async Task An_abstract_value_of_no_known_type_is_an_error()
    {
        Assert.Equal(
            """{"errors":[{"message":"Abstract type \"Named\" must resolve to an Object type at runtime for field \"Query.unresolvable\". Either the \"Named\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.","locations":[{"line":1,"column":3}],"path":["unresolvable"]}],"data":{"unresolvable":null}}""",
            await Json("{ unresolvable { name } }"));
    }

    [Fact]
    public async Task Async_resolvers_and_returned_tasks_complete()
    {
        Assert.Equal(
            """{"data":{"asyncHello":"async hello","taskValue":42,"thing":{"asyncOk":"async ok"}}}""",
            await Json("{ asyncHello taskValue thing { asyncOk } }"));
    }

    [Fact]
    public async Task An_async_failure_in_a_non_null_root_field_nulls_data_and_keeps_its_code()
    {
        Assert.Equal(
            """{"errors":[{"message":"async boom","locations":[{"line":1,"column":14}],"path":["asyncFail"],"extensions":{"code":"CUSTOM"}}],"data":null}""",
            await Json("{ asyncHello asyncFail }"));
    }

    [Fact]
    public async Task Sibling_query_fields_run_concurrently()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var result = await Run(Create(gate: gate), "{ first second }");
        Assert.Equal("""{"data":{"first":"first","second":"second"}}""", result.ToJson());
    }

    [Fact]
    public async Task Mutation_fields_run_one_after_another()
    {
        var log = new List<int>();
        var result = await Run(
            Create(log),
            "mutation { a: append(v: 1, delay: 60) b: append(v: 2, delay: 1) c: append(v: 3, delay: 20) }");
        Assert.Equal("""{"data":{"a":[1],"b":[1,2],"c":[1,2,3]}}""", result.ToJson());
    }

    [Fact]
    public async Task A_null_non_null_mutation_field_nulls_data_and_stops_later_fields()
    {
        var log = new List<int>();
        var result = await Run(Create(log), "mutation { a: append(v: 1) failNonNull b: append(v: 2) }");
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Mutation.failNonNull.","locations":[{"line":1,"column":28}],"path":["failNonNull"]}],"data":null}""",
            result.ToJson());
        Assert.Equal([1], log);
    }

    [Fact]
    public async Task Arguments_get_defaults_and_input_objects_get_field_defaults()
    {
        Assert.Equal(
            """{"data":{"h":"hello world","e":"{a:1,b:[x],c:c default}","v":"{a:2,c:given}","color":"GREEN"}}""",
            await Json(
                """query ($i: In = {a: 2, c: "given"}) { h: hello e: echo(i: {a: 1, b: "x"}) v: echo(i: $i) color(c: GREEN) }"""));
    }

    [Fact]
    public async Task A_mutation_against_a_schema_without_mutations_is_an_execution_error()
    {
        var schema = new GraphQL.Types.GraphQLSchema(new GraphQL.Types.ObjectType("Query", [new GraphQL.Types.FieldDefinition("a", GraphQL.Types.Scalars.String)]));
        var result = await Executor.ExecuteAsync(new ExecutionArgs { Schema = schema, Document = GraphQL.Language.Parser.Parse("mutation { a }") });
        Assert.Equal("""{"errors":[{"message":"Schema is not configured to execute mutation operation.","locations":[{"line":1,"column":1}]}],"data":null}""", result.ToJson());
    }
}
