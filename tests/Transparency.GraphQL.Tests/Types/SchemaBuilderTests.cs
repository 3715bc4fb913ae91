using System.ComponentModel;
using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Tests.TypesTests;

public sealed class SchemaBuilderTests
{
    public enum ListingKind
    {
        [Description("失信被执行人")]
        DishonestDebtor,
        ConsumptionRestriction,
        [Obsolete("Merged into ConsumptionRestriction.")]
        ExitBan,
    }

    public sealed record Listing(string Id, ListingKind Kind, long AmountFen, DateOnly ListedOn);

    public sealed record ListingFilter(string? Court, IReadOnlyList<ListingKind>? Kinds, int First = 20);

    private static readonly Listing[] Listings =
    [
        new("L1", ListingKind.DishonestDebtor, 1_250_000, new DateOnly(2024, 5, 1)),
        new("L2", ListingKind.ConsumptionRestriction, 80_000, new DateOnly(2024, 6, 2)),
    ];

    private static GraphQLSchema BuildExampleSchema() =>
        new SchemaBuilder()
            .Query("Query", q => q
                .Field("listing", "Listing", (_, c) => Listings.FirstOrDefault(l => l.Id == c.GetArgument<string>("id")))
                    .Argument("id", "ID!")
                .Field("listings", "[Listing!]!", (_, c) =>
                {
                    var filter = c.GetArgument<ListingFilter>("filter");
                    return Listings.Where(l => filter?.Kinds is null || filter.Kinds.Contains(l.Kind)).Take(filter?.First ?? 20).ToList();
                })
                    .Argument("filter", "ListingFilter")
                    .Description("Listings, newest first."))
            .Object<Listing>("Listing", o => o
                .Implements("Node")
                .Field("id", "ID!", l => l.Id)
                .Field("kind", "ListingKind!", l => l.Kind)
                .Field("amountFen", "Long!", l => l.AmountFen)
                .Field("listedOn", "Date!", l => l.ListedOn)
                .Field("court", "String").Deprecated("Use `listedBy`."))
            .Interface("Node", i => i.Field("id", "ID!"))
            .Enum<ListingKind>()
            .InputObject<ListingFilter>()
            .Build();

    [Fact]
    public void Code_first_schema_prints_the_sdl_it_describes()
    {
        var printed = PrintSchema.Print(BuildExampleSchema());

        Assert.Equal(
            """"
            type Query {
              listing(id: ID!): Listing

              """Listings, newest first."""
              listings(filter: ListingFilter): [Listing!]!
            }

            type Listing implements Node {
              id: ID!
              kind: ListingKind!
              amountFen: Long!
              listedOn: Date!
              court: String @deprecated(reason: "Use `listedBy`.")
            }

            """
            The `Long` scalar type represents non-fractional signed whole numeric values between -(2^63) and 2^63 - 1.
            """
            scalar Long

            """
            A calendar date without time or time zone, as an ISO 8601 `yyyy-MM-dd` string.
            """
            scalar Date

            interface Node {
              id: ID!
            }

            enum ListingKind {
              """失信被执行人"""
              DISHONEST_DEBTOR
              CONSUMPTION_RESTRICTION
              EXIT_BAN @deprecated(reason: "Merged into ConsumptionRestriction.")
            }

            input ListingFilter {
              court: String
              kinds: [ListingKind!]
              first: Int! = 20
            }
            """",
            printed);
    }

    [Fact]
    public void Resolvers_receive_typed_sources_and_input_records()
    {
        var schema = BuildExampleSchema();
        var query = schema.QueryType!;
        var listings = query.GetField("listings")!;
        var filterLiteral = Parser.ParseValue("{kinds: [CONSUMPTION_RESTRICTION]}");
        Assert.True(ValueFromAst.TryConvert(filterLiteral, listings.GetArgument("filter")!.Type, null, out var filter));

        var result = listings.ResolveSync!(Context(schema, query, listings, null, new Dictionary<string, object?> { ["filter"] = filter }));

        var typedFilter = Assert.IsType<ListingFilter>(filter);
        Assert.Null(typedFilter.Court);
        Assert.Equal([ListingKind.ConsumptionRestriction], typedFilter.Kinds);
        Assert.Equal(20, typedFilter.First);
        Assert.Equal(["L2"], ((IEnumerable<Listing>)result!).Select(l => l.Id));

        var listingType = (ObjectType)schema.GetType("Listing")!;
        var kind = listingType.GetField("kind")!.ResolveSync!(Context(schema, listingType, listingType.GetField("kind")!, Listings[0], []));
        Assert.Equal("DISHONEST_DEBTOR", ((EnumType)schema.GetType("ListingKind")!).Serialize(kind));
        Assert.Same(listingType, schema.GetPossibleTypes(schema.GetType("Node")!).Single());
        Assert.True(listingType.IsTypeOf!(Listings[1], Context(schema, query, listings, null, [])));
    }

    [Fact]
    public void Build_rejects_an_invalid_schema_with_graphql_js_messages()
    {
        var builder = new SchemaBuilder()
            .Query("Query", q => q.Field("node", "Node"))
            .Interface("Node", i => i.Field("id", "ID!"))
            .Object<Listing>("Listing", o => o.Implements("Node").Field("id", "String", l => l.Id));

        var error = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Equal("Interface field Node.id expects type ID! but Listing.id is type String.", error.Message);
    }

    [Theory]
    [InlineData("DishonestDebtor", "DISHONEST_DEBTOR")]
    [InlineData("HTTPServer", "HTTP_SERVER")]
    [InlineData("Ok", "OK")]
    public void Enum_member_names_become_constant_case(string member, string expected) =>
        Assert.Equal(expected, SchemaBuilder.ConstantCase(member));

    private static ResolveFieldContext Context(GraphQLSchema schema, ObjectType parent, FieldDefinition field, object? source, Dictionary<string, object?> arguments)
    {
        var operation = (OperationDefinitionNode)Parser.Parse("{ " + field.Name + " }").Definitions[0];
        return new ResolveFieldContext
        {
            Source = source,
            Arguments = arguments,
            FieldName = field.Name,
            FieldNodes = [(FieldNode)operation.SelectionSet.Selections[0]],
            FieldDefinition = field,
            ParentType = parent,
            Path = new ResponsePath(null, field.Name, parent.Name),
            Schema = schema,
            Fragments = new Dictionary<string, FragmentDefinitionNode>(),
            VariableValues = new Dictionary<string, object?>(),
            Operation = operation,
        };
    }
}
