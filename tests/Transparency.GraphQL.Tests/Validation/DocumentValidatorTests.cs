using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;
using Transparency.GraphQL.Validation;

namespace Transparency.GraphQL.Tests.Validation;

public sealed class DocumentValidatorTests
{
    private static readonly GraphQLSchema Schema = BuildAstSchema.BuildSchema("""
        type Query {
          pet(id: ID!): Pet
          pets(first: Int = 10, filter: PetFilter): [Pet!]!
        }
        input PetFilter { name: String, kind: Kind = DOG }
        enum Kind { DOG CAT }
        interface Pet { name: String }
        type Dog implements Pet { name: String, barks: Boolean }
        type Cat implements Pet { name: String, meows: Boolean }
        """);

    [Fact]
    public void Valid_document_passes_every_specified_rule()
    {
        var document = Parser.Parse("""
            query Pets($first: Int, $kind: Kind) {
              pets(first: $first, filter: { kind: $kind }) { ...Named ... on Dog { barks } }
              __schema { types { name } }
            }
            fragment Named on Pet { name __typename }
            """);

        Assert.Empty(DocumentValidator.Validate(Schema, document));
    }

    // Errors come in walk order, each node seeing the rules in SpecifiedRules order, as in graphql-js.
    [Fact]
    public void Errors_from_several_rules_come_from_one_walk()
    {
        var document = Parser.Parse("""
            query Pets($unused: Int) { pets { nam ...Missing } }
            query Pets { pet { name } }
            """);

        var messages = DocumentValidator.Validate(Schema, document).Select(e => e.Message).ToList();

        Assert.Equal(
            [
                "Variable \"$unused\" is never used in operation \"Pets\".",
                "Cannot query field \"nam\" on type \"Pet\". Did you mean \"name\"?",
                "Unknown fragment \"Missing\".",
                "There can be only one operation named \"Pets\".",
                "Field \"pet\" argument \"id\" of type \"ID!\" is required, but it was not provided.",
            ],
            messages);
    }

    [Fact]
    public void Validation_stops_after_max_errors_and_says_so()
    {
        var document = Parser.Parse("{ a b c d e }");

        var errors = DocumentValidator.Validate(Schema, document, maxErrors: 3);

        Assert.Equal(4, errors.Count);
        Assert.Equal("Cannot query field \"c\" on type \"Query\".", errors[2].Message);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[3].Message);
        Assert.Null(errors[3].Locations);
    }

    [Fact]
    public void Validation_at_exactly_max_errors_is_not_aborted()
    {
        var errors = DocumentValidator.Validate(Schema, Parser.Parse("{ a b c }"), maxErrors: 3);

        Assert.Equal(3, errors.Count);
        Assert.DoesNotContain(errors, e => e.Message.StartsWith("Too many", StringComparison.Ordinal));
    }

    [Fact]
    public void Variable_usages_carry_the_expected_type_and_location_default()
    {
        var document = Parser.Parse("""
            query Q($first: Int, $kind: Kind, $id: ID!) { pets(first: $first, filter: { kind: $kind }) { name } ...F }
            fragment F on Query { pet(id: $id) { name } }
            """);
        var operation = document.Definitions.OfType<OperationDefinitionNode>().Single();
        var context = new ValidationContext(Schema, document, _ => { });

        var usages = context.GetRecursiveVariableUsages(operation)
            .Select(u => (u.Node.Name.Value, u.Type?.ToString(), u.HasDefaultValue, u.ParentType?.ToString()))
            .ToList();

        Assert.Equal(
            [
                ("first", "Int", true, (string?)null),
                ("kind", "Kind", true, "PetFilter"),
                ("id", "ID!", false, null),
            ],
            usages);
        Assert.Equal(["F"], context.GetRecursivelyReferencedFragments(operation).Select(f => f.Name.Value));
    }

    [Fact]
    public void Optional_rules_are_not_run_by_default()
    {
        var schema = BuildAstSchema.BuildSchema("type Query { old: String @deprecated(reason: \"gone\") }");
        var document = Parser.Parse("{ old }");

        Assert.Empty(DocumentValidator.Validate(schema, document));
        Assert.Equal(
            ["The field Query.old is deprecated. gone"],
            DocumentValidator.Validate(schema, document, [SpecifiedRules.NoDeprecatedCustom]).Select(e => e.Message));
    }
}
