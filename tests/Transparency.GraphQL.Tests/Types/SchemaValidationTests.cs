using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Tests.TypesTests;

// Each schema is built from SDL and validated; the expected messages and locations are what
// graphql-js 17.1.0's validateSchema reports for the same SDL (buildSchema with assumeValidSDL).
public sealed class SchemaValidationTests
{
    [Fact]
    public void Interfaces_errors_match_graphql_js() =>
        AssertErrors(
            "\ntype Query { a: A, b: B, c: C }\ninterface I { f(x: Int): String, g: Int, h: String }\ninterface J implements I { f(x: Int): String, g: Int, h: String }\ntype A implements I { f: String, g: String, h: String @deprecated }\ntype B implements I { f(x: String): String, g: Int!, h: String, k(req: Int!): Int }\ntype C implements J { f(x: Int): String, g: Int, h: String }\n",
            "Interface field argument I.f(x:) expected but A.f does not provide it. @ 3:17 5:23",
            "Interface field I.g expects type Int but A.g is type String. @ 3:37 5:37",
            "Interface field I.h is not deprecated, so implementation field A.h must not be deprecated. @ 5:55 5:48",
            "Interface field argument I.f(x:) expects type Int but B.f(x:) is type String. @ 3:20 6:28",
            "Type C must implement I because it is implemented by J. @ 4:24 7:19");

    [Fact]
    public void Union_errors_match_graphql_js() =>
        AssertErrors(
            "\ntype Query { u: U }\ntype A { a: Int }\nunion U = A | A\n",
            "Union type U can only include type A once. @ 4:11 4:15");

    [Fact]
    public void InputCycle_errors_match_graphql_js() =>
        AssertErrors(
            "\ntype Query { f(i: In): Int }\ninput In { self: In!, other: Other! }\ninput Other { back: In! }\ninput Ok { self: Ok }\ninput One @oneOf { a: One, b: Two }\ninput Two { one: One! }\n",
            "Input Object In cannot be provided a finite value because it references itself through fields: In.self. @ 3:12",
            "Input Object In cannot be provided a finite value because it references itself through fields: In.other, Other.back. @ 3:23 4:15",
            "Input Object One cannot be provided a finite value because it references itself through fields: One.a. @ 6:20",
            "Input Object One cannot be provided a finite value because it references itself through fields: One.b, Two.one. @ 6:28 7:13");

    [Fact]
    public void OneOf_errors_match_graphql_js() =>
        AssertErrors(
            "\ntype Query { f(i: O): Int }\ninput O @oneOf { a: Int!, b: String = \"x\", c: Int }\n",
            "OneOf input field O.a must be nullable. @ 3:21",
            "OneOf input field O.b cannot have a default value. @ 3:27");

    [Fact]
    public void Names_errors_match_graphql_js() =>
        AssertErrors(
            "\ntype Query { __bad: Int, ok(__arg: Int): Int, dep(req: Int! @deprecated): Int }\ntype __Reserved { a: Int }\nenum E { __X, Y }\ninput In { req: Int! @deprecated }\ndirective @__d(a: Int) on FIELD\n",
            "Name \"__d\" must not begin with \"__\", which is reserved by GraphQL introspection. @ 6:1",
            "Name \"__bad\" must not begin with \"__\", which is reserved by GraphQL introspection. @ 2:14",
            "Name \"__arg\" must not begin with \"__\", which is reserved by GraphQL introspection. @ 2:29",
            "Required argument Query.dep(req:) cannot be deprecated. @ 2:61 2:56",
            "Name \"__Reserved\" must not begin with \"__\", which is reserved by GraphQL introspection. @ 3:1",
            "Name \"__X\" must not begin with \"__\", which is reserved by GraphQL introspection. @ 4:10",
            "Required input field In.req cannot be deprecated. @ 5:22 5:17");

    [Fact]
    public void Roots_errors_match_graphql_js() =>
        AssertErrors(
            "\nschema { query: Q, mutation: Q }\ntype Q { a: Int }\n",
            "All root types must be different, \"Q\" type is used as query and mutation root types. @ 2:17 2:30");

    [Fact]
    public void Empty_errors_match_graphql_js() =>
        AssertErrors(
            "\ntype Query { a: A, e: E }\ntype A\nenum E\ninput I\nunion U\n",
            "Type A must define one or more fields. @ 3:1",
            "Enum type E must define one or more values. @ 4:1",
            "Input Object type I must define one or more fields. @ 5:1",
            "Union type U must define one or more member types. @ 6:1");

    [Fact]
    public void Defaults_errors_match_graphql_js() =>
        AssertErrors(
            "\ntype Query { f(a: Int = \"x\", b: [Int] = [1, 2.5], c: In = {x: 1}, d: In = {}, e: E = Z, g: [In!] = [{y: null}], h: One = {p: 1, q: 2}): Int }\ninput In { y: Int!, z: Int = 1 }\ninput One @oneOf { p: Int, q: Int }\nenum E { A }\ndirective @d(n: Int! = null) on FIELD\n",
            "@d(n:) has invalid default value: Expected value of non-null type \"Int!\" not to be null. @ 6:24",
            "Query.f(a:) has invalid default value: Int cannot represent non-integer value: \"x\" @ 2:25",
            "Query.f(b:) has invalid default value at [1]: Int cannot represent non-integer value: 2.5 @ 2:45",
            "Query.f(c:) has invalid default value: Expected value of type \"In\" to include required field \"y\", found: { x: 1 }. @ 2:59",
            "Query.f(c:) has invalid default value: Expected value of type \"In\" not to include unknown field \"x\". Did you mean \"y\" or \"z\"? Found: { x: 1 }. @ 2:60",
            "Query.f(d:) has invalid default value: Expected value of type \"In\" to include required field \"y\", found: {  }. @ 2:75",
            "Query.f(e:) has invalid default value: Value \"Z\" does not exist in \"E\" enum. Did you mean the enum value \"A\"? @ 2:86",
            "Query.f(g:) has invalid default value at [0].y: Expected value of non-null type \"Int!\" not to be null. @ 2:105",
            "Query.f(h:) has invalid default value: Within OneOf Input Object type \"One\", exactly one field must be specified, and the value for that field must be non-null. @ 2:122");

    [Fact]
    public void DefaultCycles_errors_match_graphql_js() =>
        AssertErrors(
            "type Query { f(a: A): Int }\ninput A { b: B = {}, x: Int }\ninput B { a: A = {}, c: [C] = [{}] }\ninput C { self: C = {} }\ninput D { e: E = {} }\ninput E { d: D = {d2: {}} , e2: E }",
            "Invalid circular reference. The default value of Input Object field A.b references itself via the default values of: B.a. @ 2:18 3:18",
            "Invalid circular reference. The default value of Input Object field C.self references itself. @ 4:21",
            "Invalid circular reference. The default value of Input Object field D.e references itself via the default values of: E.d. @ 5:18 6:18",
            "E.d has invalid default value: Expected value of type \"D\" not to include unknown field \"d2\", found: { d2: {  } }. @ 6:19");

    [Fact]
    public void Valid_schema_with_interfaces_implementing_interfaces_has_no_errors()
    {
        var schema = BuildAstSchema.BuildSchema("""
            type Query { node: Node, pet: Pet }
            interface Node { id: ID! }
            interface Pet implements Node { id: ID!, name(full: Boolean): String }
            type Dog implements Pet & Node { id: ID!, name(full: Boolean, locale: String = "zh"): String, barks: Boolean }
            """);

        Assert.Empty(schema.Validate());
        Assert.Same(schema.Validate(), schema.Validate());
    }

    [Fact]
    public void Missing_query_root_is_reported()
    {
        var schema = new GraphQLSchema(null, types: [new ObjectType("A", [new FieldDefinition("a", Scalars.Int)])]);

        Assert.Equal(["Query root type must be provided."], schema.Validate().Select(e => e.Message));
        Assert.Throws<InvalidOperationException>(schema.AssertValid);
    }

    [Fact]
    public void Code_first_object_missing_an_interface_field_is_reported()
    {
        var node = new InterfaceType("Node", [new FieldDefinition("id", new NonNullType(Scalars.ID))]);
        var thing = new ObjectType("Thing", [new FieldDefinition("name", Scalars.String)], [node]);
        var query = new ObjectType("Query", [new FieldDefinition("thing", thing)]);

        var errors = new GraphQLSchema(query).Validate();

        Assert.Equal(["Interface field Node.id expected but Thing does not provide it."], errors.Select(e => e.Message));
    }

    private static void AssertErrors(string sdl, params string[] expected)
    {
        var schema = BuildAstSchema.BuildSchema(sdl);

        var actual = schema.Validate().Select(e =>
            e.Message + " @ " + string.Join(" ", (e.Locations ?? []).Select(l => $"{l.Line}:{l.Column}")));

        Assert.Equal(expected, actual);
    }
}
