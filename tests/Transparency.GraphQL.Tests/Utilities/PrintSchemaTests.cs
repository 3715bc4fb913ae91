using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Tests.UtilitiesTests;

// Expected texts were produced by graphql-js 17.1.0: printSchema(buildSchema(RichSdl)) and
// printIntrospectionSchema(buildSchema("type Query { a: Int }")).
public sealed class PrintSchemaTests
{
    private const string RichSdl =
        """"
        """
        The public schema of a transparency service.
        """
        schema {
          query: Root
          mutation: Mutations
        }

        "Marks a field as costing more."
        directive @cost(weight: Int! = 1, "Multiply by this argument." multipliers: [String!] = ["first"]) repeatable on FIELD_DEFINITION | OBJECT

        directive @internal on FIELD | FRAGMENT_SPREAD

        "An instant, RFC 3339."
        scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time")

        scalar Long

        """
        Anything with an id.
        """
        interface Node {
          id: ID!
        }

        interface Listed implements Node {
          id: ID!
          "When it was listed."
          listedOn: DateTime
        }

        type Root {
          node(id: ID!): Node
          "Sanctions, newest first."
          sanctions(first: Int = 20, after: String, kind: SanctionKind = DISHONEST_DEBTOR, filter: SanctionFilter = {court: "BJ01", kinds: [EXIT_BAN]}): [Sanction!]! @cost(weight: 2)
          search(text: String!): [SearchResult!]!
          legacy: String @deprecated
          old(
            "The one to use."
            newArg: Int
            oldArg: Int @deprecated(reason: "Use `newArg`.")
          ): Int @deprecated(reason: "Gone since \"v2\".")
        }

        type Sanction implements Listed & Node {
          id: ID!
          listedOn: DateTime
          kind: SanctionKind!
          amount: Long
          ratio: Float
          debtor: Party!
        }

        """
        A party to a case.

          Indented second paragraph.
        """
        type Party implements Node {
          id: ID!
          name: String!
        }

        union SearchResult = Sanction | Party

        extend union SearchResult = Case

        type Case implements Node {
          id: ID!
        }

        "Kinds of sanction."
        enum SanctionKind {
          "失信被执行人"
          DISHONEST_DEBTOR
          CONSUMPTION_RESTRICTION
          EXIT_BAN @deprecated(reason: "Merged into CONSUMPTION_RESTRICTION.")
        }

        extend enum SanctionKind {
          OTHER
        }

        input SanctionFilter {
          court: String
          kinds: [SanctionKind!] = []
          since: DateTime @deprecated
          page: PageInput
        }

        input PageInput {
          size: Int! = 20
        }

        input PartyRef @oneOf {
          id: ID
          creditCode: String
        }

        type Mutations {
          flag(party: PartyRef!, note: String = "a \"quoted\" note\n"): Boolean
        }

        extend type Party {
          aliases: [String]
        }
        """";

    private const string RichPrintedByGraphQLJs =
        """"
        """The public schema of a transparency service."""
        schema {
          query: Root
          mutation: Mutations
        }

        """Marks a field as costing more."""
        directive @cost(
          weight: Int! = 1

          """Multiply by this argument."""
          multipliers: [String!] = ["first"]
        ) repeatable on FIELD_DEFINITION | OBJECT

        directive @internal on FIELD | FRAGMENT_SPREAD

        """An instant, RFC 3339."""
        scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time")

        scalar Long

        """Anything with an id."""
        interface Node {
          id: ID!
        }

        interface Listed implements Node {
          id: ID!

          """When it was listed."""
          listedOn: DateTime
        }

        type Root {
          node(id: ID!): Node

          """Sanctions, newest first."""
          sanctions(first: Int = 20, after: String, kind: SanctionKind = DISHONEST_DEBTOR, filter: SanctionFilter = { court: "BJ01", kinds: [EXIT_BAN] }): [Sanction!]!
          search(text: String!): [SearchResult!]!
          legacy: String @deprecated
          old(
            """The one to use."""
            newArg: Int
            oldArg: Int @deprecated(reason: "Use `newArg`.")
          ): Int @deprecated(reason: "Gone since \"v2\".")
        }

        type Sanction implements Listed & Node {
          id: ID!
          listedOn: DateTime
          kind: SanctionKind!
          amount: Long
          ratio: Float
          debtor: Party!
        }

        """
        A party to a case.

          Indented second paragraph.
        """
        type Party implements Node {
          id: ID!
          name: String!
          aliases: [String]
        }

        union SearchResult = Sanction | Party | Case

        type Case implements Node {
          id: ID!
        }

        """Kinds of sanction."""
        enum SanctionKind {
          """失信被执行人"""
          DISHONEST_DEBTOR
          CONSUMPTION_RESTRICTION
          EXIT_BAN @deprecated(reason: "Merged into CONSUMPTION_RESTRICTION.")
          OTHER
        }

        input SanctionFilter {
          court: String
          kinds: [SanctionKind!] = []
          since: DateTime @deprecated
          page: PageInput
        }

        input PageInput {
          size: Int! = 20
        }

        input PartyRef @oneOf {
          id: ID
          creditCode: String
        }

        type Mutations {
          flag(party: PartyRef!, note: String = "a \"quoted\" note\n"): Boolean
        }
        """";

    private const string IntrospectionPrintedByGraphQLJs =
        """"
        """
        Directs the executor to include this field or fragment only when the `if` argument is true.
        """
        directive @include(
          """Included when true."""
          if: Boolean!
        ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        """
        Directs the executor to skip this field or fragment when the `if` argument is true.
        """
        directive @skip(
          """Skipped when true."""
          if: Boolean!
        ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        """Marks an element of a GraphQL schema as no longer supported."""
        directive @deprecated(
          """
          Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).
          """
          reason: String! = "No longer supported"
        ) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE | DIRECTIVE_DEFINITION

        """Exposes a URL that specifies the behavior of this scalar."""
        directive @specifiedBy(
          """The URL that specifies the behavior of this scalar."""
          url: String!
        ) on SCALAR

        """
        Indicates exactly one field must be supplied and this field must not be `null`.
        """
        directive @oneOf on INPUT_OBJECT

        """
        A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.
        """
        type __Schema {
          description: String

          """A list of all types supported by this server."""
          types: [__Type!]!

          """The type that query operations will be rooted at."""
          queryType: __Type!

          """
          If this server supports mutation, the type that mutation operations will be rooted at.
          """
          mutationType: __Type

          """
          If this server support subscription, the type that subscription operations will be rooted at.
          """
          subscriptionType: __Type

          """A list of all directives supported by this server."""
          directives(includeDeprecated: Boolean! = false): [__Directive!]!
        }

        """
        The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.

        Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
        """
        type __Type {
          kind: __TypeKind!
          name: String
          description: String
          specifiedByURL: String
          fields(includeDeprecated: Boolean! = false): [__Field!]
          interfaces: [__Type!]
          possibleTypes: [__Type!]
          enumValues(includeDeprecated: Boolean! = false): [__EnumValue!]
          inputFields(includeDeprecated: Boolean! = false): [__InputValue!]
          ofType: __Type
          isOneOf: Boolean
        }

        """An enum describing what kind of type a given `__Type` is."""
        enum __TypeKind {
          """Indicates this type is a scalar."""
          SCALAR

          """
          Indicates this type is an object. `fields` and `interfaces` are valid fields.
          """
          OBJECT

          """
          Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields.
          """
          INTERFACE

          """Indicates this type is a union. `possibleTypes` is a valid field."""
          UNION

          """Indicates this type is an enum. `enumValues` is a valid field."""
          ENUM

          """
          Indicates this type is an input object. `inputFields` is a valid field.
          """
          INPUT_OBJECT

          """Indicates this type is a list. `ofType` is a valid field."""
          LIST

          """Indicates this type is a non-null. `ofType` is a valid field."""
          NON_NULL
        }

        """
        Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.
        """
        type __Field {
          name: String!
          description: String
          args(includeDeprecated: Boolean! = false): [__InputValue!]!
          type: __Type!
          isDeprecated: Boolean!
          deprecationReason: String
        }

        """
        Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.
        """
        type __InputValue {
          name: String!
          description: String
          type: __Type!

          """
          A GraphQL-formatted string representing the default value for this input value.
          """
          defaultValue: String
          isDeprecated: Boolean!
          deprecationReason: String
        }

        """
        One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.
        """
        type __EnumValue {
          name: String!
          description: String
          isDeprecated: Boolean!
          deprecationReason: String
        }

        """
        A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.

        In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.
        """
        type __Directive {
          name: String!
          description: String
          isRepeatable: Boolean!
          locations: [__DirectiveLocation!]!
          args(includeDeprecated: Boolean! = false): [__InputValue!]!
          isDeprecated: Boolean!
          deprecationReason: String
        }

        """
        A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.
        """
        enum __DirectiveLocation {
          """Location adjacent to a query operation."""
          QUERY

          """Location adjacent to a mutation operation."""
          MUTATION

          """Location adjacent to a subscription operation."""
          SUBSCRIPTION

          """Location adjacent to a field."""
          FIELD

          """Location adjacent to a fragment definition."""
          FRAGMENT_DEFINITION

          """Location adjacent to a fragment spread."""
          FRAGMENT_SPREAD

          """Location adjacent to an inline fragment."""
          INLINE_FRAGMENT

          """Location adjacent to an operation variable definition."""
          VARIABLE_DEFINITION

          """Location adjacent to a fragment variable definition."""
          FRAGMENT_VARIABLE_DEFINITION

          """Location adjacent to a schema definition."""
          SCHEMA

          """Location adjacent to a scalar definition."""
          SCALAR

          """Location adjacent to an object type definition."""
          OBJECT

          """Location adjacent to a field definition."""
          FIELD_DEFINITION

          """Location adjacent to an argument definition."""
          ARGUMENT_DEFINITION

          """Location adjacent to an interface definition."""
          INTERFACE

          """Location adjacent to a union definition."""
          UNION

          """Location adjacent to an enum definition."""
          ENUM

          """Location adjacent to an enum value definition."""
          ENUM_VALUE

          """Location adjacent to an input object type definition."""
          INPUT_OBJECT

          """Location adjacent to an input object field definition."""
          INPUT_FIELD_DEFINITION

          """Location adjacent to a directive definition."""
          DIRECTIVE_DEFINITION
        }
        """";

    [Fact]
    public void Rich_sdl_prints_exactly_as_graphql_js_prints_it()
    {
        var schema = BuildAstSchema.BuildSchema(RichSdl);

        Assert.Equal(RichPrintedByGraphQLJs, PrintSchema.Print(schema));
    }

    [Fact]
    public void Printed_schema_builds_back_into_the_same_text()
    {
        var printed = PrintSchema.Print(BuildAstSchema.BuildSchema(RichSdl));

        Assert.Equal(printed, PrintSchema.Print(BuildAstSchema.BuildSchema(printed)));
    }

    [Fact]
    public void Rich_sdl_builds_a_valid_schema()
    {
        var schema = BuildAstSchema.BuildSchema(RichSdl);

        Assert.Empty(schema.Validate());
    }

    [Fact]
    public void Introspection_types_and_built_in_directives_print_exactly_as_graphql_js_prints_them()
    {
        var schema = BuildAstSchema.BuildSchema("type Query { a: Int }");

        Assert.Equal(IntrospectionPrintedByGraphQLJs, PrintSchema.PrintIntrospectionSchema(schema));
    }

    [Fact]
    public void Schema_block_is_left_out_when_roots_have_conventional_names()
    {
        var schema = BuildAstSchema.BuildSchema("type Query { a: Int }\ntype Mutation { b: Int }");

        Assert.Equal("type Query {\n  a: Int\n}\n\ntype Mutation {\n  b: Int\n}", PrintSchema.Print(schema));
    }

    [Fact]
    public void Code_first_defaults_are_printed_through_ast_from_value()
    {
        var color = new EnumType("Color", [new EnumValueDefinition("RED", 1), new EnumValueDefinition("BLUE", 2)]);
        var query = new ObjectType("Query", [
            new FieldDefinition("f", Scalars.Int, [
                new InputValueDefinition("color", color) { DefaultValue = 2, HasDefaultValue = true },
                new InputValueDefinition("ids", new ListType(Scalars.ID)) { DefaultValue = new object[] { "7", "x" }, HasDefaultValue = true },
                new InputValueDefinition("ratio", Scalars.Float) { DefaultValue = 0.5, HasDefaultValue = true },
                new InputValueDefinition("none", Scalars.String) { DefaultValue = null, HasDefaultValue = true },
            ]),
        ]);

        var printed = PrintSchema.Print(new GraphQLSchema(query));

        Assert.Equal(
            "type Query {\n  f(color: Color = BLUE, ids: [ID] = [7, \"x\"], ratio: Float = 0.5, none: String = null): Int\n}\n\nenum Color {\n  RED\n  BLUE\n}",
            printed);
    }
}
