using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;
using Transparency.GraphQL.Validation;

namespace Transparency.GraphQL.Tests.Validation;

/// <summary>
/// DocumentValidator.ValidateSdl with every SDL rule, on cases from graphql-js's tests of
/// those rules (the conformance corpus has none: its SDL files are empty).
/// </summary>
public sealed class SdlValidationTests
{
    [Fact]
    public void Valid_sdl_has_no_errors()
    {
        Assert.Empty(Errors("""
            schema { query: Query }
            directive @tag(name: String) repeatable on OBJECT | FIELD_DEFINITION
            type Query @tag(name: "a") @tag(name: "b") { pets(first: Int = 10): [Pet] @deprecated(reason: "no") }
            interface Pet { name: String }
            extend type Query { more: String }
            enum Color { RED GREEN }
            extend enum Color { BLUE }
            input Filter { name: String }
            """));
    }

    [Fact]
    public void Second_schema_definition_is_rejected()
    {
        Assert.Equal(
            ["Must provide only one schema definition. @ 3:1"],
            Errors("type Query { a: Int }\nschema { query: Query }\nschema { mutation: Query }"));
    }

    [Fact]
    public void Schema_definition_cannot_be_added_to_a_schema_that_has_one()
    {
        var existing = BuildAstSchema.BuildSchema("type Query { a: Int }");

        Assert.Equal(
            ["Cannot define a new schema within a schema extension. @ 1:1"],
            Errors("schema { mutation: Query }", existing));
    }

    [Fact]
    public void Operation_type_given_twice_is_rejected()
    {
        Assert.Equal(
            ["There can be only one query type in schema. @ 1:10, 1:23"],
            Errors("schema { query: Query query: Query } type Query { a: Int }"));
    }

    [Fact]
    public void Operation_type_already_in_the_extended_schema_is_rejected()
    {
        var existing = BuildAstSchema.BuildSchema("type Query { a: Int }");

        Assert.Equal(
            ["Type for query already defined in the schema. It cannot be redefined. @ 1:17"],
            Errors("extend schema { query: Query }", existing));
    }

    [Fact]
    public void Type_defined_twice_is_reported_at_both_names()
    {
        Assert.Equal(
            ["There can be only one type named \"Foo\". @ 1:6, 2:8"],
            Errors("type Foo { a: Int }\nscalar Foo\ntype Query { foo: Foo }"));
    }

    [Fact]
    public void Type_already_in_the_extended_schema_is_rejected()
    {
        var existing = BuildAstSchema.BuildSchema("type Query { a: Int } type Foo { a: Int }");

        Assert.Equal(
            ["Type \"Foo\" already exists in the schema. It cannot also be defined in this type definition. @ 1:8"],
            Errors("scalar Foo", existing));
    }

    [Fact]
    public void Enum_value_defined_twice_is_rejected_across_extensions()
    {
        Assert.Equal(
            ["Enum value \"Color.RED\" can only be defined once. @ 1:14, 2:21"],
            Errors("enum Color { RED }\nextend enum Color { RED }\ntype Query { c: Color }"));
    }

    [Fact]
    public void Field_defined_twice_is_rejected()
    {
        Assert.Equal(
            ["Field \"Query.a\" can only be defined once. @ 1:14, 1:22"],
            Errors("type Query { a: Int, a: String }"));
    }

    [Fact]
    public void Field_already_in_the_extended_schema_is_rejected()
    {
        var existing = BuildAstSchema.BuildSchema("type Query { a: Int }");

        Assert.Equal(
            ["Field \"Query.a\" already exists in the schema. It cannot also be defined in this type extension. @ 1:21"],
            Errors("extend type Query { a: Int }", existing));
    }

    [Fact]
    public void Argument_defined_twice_is_rejected_on_fields_and_directives()
    {
        Assert.Equal(
            [
                "Argument \"@d(x:)\" can only be defined once. @ 1:14, 1:22",
                "Argument \"Query.f(a:)\" can only be defined once. @ 2:16, 2:24",
            ],
            Errors("directive @d(x: Int, x: Int) on FIELD\ntype Query { f(a: Int, a: Int): Int }"));
    }

    [Fact]
    public void Directive_defined_twice_or_redefined_is_rejected()
    {
        Assert.Equal(
            [
                "Directive \"@skip\" already exists in the schema. It cannot be redefined. @ 3:12",
                "There can be only one directive named \"@d\". @ 1:12, 2:12",
            ],
            Errors("directive @d on FIELD\ndirective @d on FIELD\ndirective @skip on FIELD", BuildAstSchema.BuildSchema("type Query { a: Int }")));
    }

    [Fact]
    public void Extension_of_an_unknown_type_suggests_a_known_one()
    {
        Assert.Equal(
            ["Cannot extend type \"Quer\" because it is not defined. Did you mean \"Query\"? @ 2:13"],
            Errors("type Query { a: Int }\nextend type Quer { b: Int }"));
    }

    [Fact]
    public void Extension_of_another_kind_is_rejected_at_definition_and_extension()
    {
        Assert.Equal(
            ["Cannot extend non-object type \"Foo\". @ 1:1, 2:1"],
            Errors("scalar Foo\nextend type Foo { b: Int }\ntype Query { a: Int }"));
    }

    [Fact]
    public void Unknown_type_in_sdl_suggests_standard_scalars()
    {
        Assert.Equal(
            ["Unknown type \"Strin\". Did you mean \"String\"? @ 1:17"],
            Errors("type Query { a: Strin }"));
    }

    [Fact]
    public void Directives_in_sdl_are_checked_for_location_arguments_and_repetition()
    {
        Assert.Equal(
            [
                "Directive \"@deprecated\" may not be used on OBJECT. @ 1:12",
                "The directive \"@d\" can only be used once at this location. @ 2:23, 2:26",
                "Unknown argument \"reaso\" on directive \"@deprecated\". Did you mean \"reason\"? @ 3:33",
                "Unknown directive \"@nope\". @ 4:22",
            ],
            Errors("""
                type Query @deprecated { a: Int }
                type Other { b(x: Int @d @d): Int }
                type Third { c: Int @deprecated(reaso: "x") }
                type Fourth { d: Int @nope }
                directive @d on ARGUMENT_DEFINITION
                """));
    }

    [Fact]
    public void Directive_location_of_an_input_field_is_input_field_definition()
    {
        Assert.Equal(
            ["Directive \"@d\" may not be used on INPUT_FIELD_DEFINITION. @ 1:19"],
            Errors("input In { a: Int @d }\ndirective @d on ARGUMENT_DEFINITION\ntype Query { a(in: In): Int }"));
    }

    private static List<string> Errors(string sdl, GraphQLSchema? schemaToExtend = null) =>
        [.. DocumentValidator.ValidateSdl(Parser.Parse(sdl), schemaToExtend)
            .Select(e => e.Message + " @ " + string.Join(", ", (e.Locations ?? []).Select(l => $"{l.Line}:{l.Column}")))
            .Order(StringComparer.Ordinal)];
}
