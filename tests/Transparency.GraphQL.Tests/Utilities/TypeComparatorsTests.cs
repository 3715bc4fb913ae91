using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Tests.UtilitiesTests;

public sealed class TypeComparatorsTests
{
    private static readonly GraphQLSchema Schema = BuildAstSchema.BuildSchema("""
        type Query { pet: Pet, search: [Result] }
        interface Node { id: ID! }
        interface Pet implements Node { id: ID! }
        type Dog implements Pet & Node { id: ID! }
        type Cat implements Pet & Node { id: ID! }
        type Car implements Node { id: ID! }
        type Rock { weight: Int }
        union Result = Dog | Rock
        union Vehicle = Car
        """);

    private static NamedType T(string name) => Schema.GetType(name)!;

    [Theory]
    [InlineData("Dog", "Pet", true)]
    [InlineData("Pet", "Node", true)]
    [InlineData("Car", "Pet", false)]
    [InlineData("Dog", "Result", true)]
    [InlineData("Cat", "Result", false)]
    [InlineData("Node", "Pet", false)]
    public void Subtypes_follow_interfaces_and_union_members(string sub, string super, bool expected) =>
        Assert.Equal(expected, TypeComparators.IsTypeSubTypeOf(Schema, T(sub), T(super)));

    [Fact]
    public void Non_null_is_a_subtype_of_nullable_and_lists_are_covariant()
    {
        var dog = T("Dog");
        var pet = T("Pet");

        Assert.True(TypeComparators.IsTypeSubTypeOf(Schema, new NonNullType(dog), pet));
        Assert.False(TypeComparators.IsTypeSubTypeOf(Schema, dog, new NonNullType(pet)));
        Assert.True(TypeComparators.IsTypeSubTypeOf(Schema, new ListType(new NonNullType(dog)), new ListType(pet)));
        Assert.False(TypeComparators.IsTypeSubTypeOf(Schema, new ListType(dog), pet));
        Assert.True(TypeComparators.IsEqualType(new ListType(new NonNullType(dog)), new ListType(new NonNullType(dog))));
        Assert.False(TypeComparators.IsEqualType(new ListType(dog), new NonNullType(dog)));
    }

    [Theory]
    [InlineData("Pet", "Result", true)] // Dog is both
    [InlineData("Vehicle", "Pet", false)]
    [InlineData("Node", "Vehicle", true)]
    [InlineData("Rock", "Result", true)]
    [InlineData("Rock", "Dog", false)]
    [InlineData("Dog", "Dog", true)]
    public void Overlap_means_a_shared_possible_object_type(string a, string b, bool expected)
    {
        Assert.Equal(expected, TypeComparators.DoTypesOverlap(Schema, T(a), T(b)));
        Assert.Equal(expected, TypeComparators.DoTypesOverlap(Schema, T(b), T(a)));
    }

    [Fact]
    public void Schema_indexes_possible_types_and_implementations()
    {
        Assert.Equal(["Dog", "Cat", "Car"], Schema.GetPossibleTypes(T("Node")).Select(t => t.Name));
        var (objects, interfaces) = Schema.GetImplementations((InterfaceType)T("Node"));
        Assert.Equal(["Dog", "Cat", "Car"], objects.Select(o => o.Name));
        Assert.Equal(["Pet"], interfaces.Select(i => i.Name));
        Assert.True(Schema.IsSubType(T("Node"), T("Pet")));
    }

    [Fact]
    public void Two_types_with_one_name_cannot_share_a_schema()
    {
        var first = new ObjectType("Thing", [new FieldDefinition("a", Scalars.Int)]);
        var second = new ObjectType("Thing", [new FieldDefinition("b", Scalars.Int)]);
        var query = new ObjectType("Query", [new FieldDefinition("x", first), new FieldDefinition("y", second)]);

        var error = Assert.Throws<InvalidOperationException>(() => new GraphQLSchema(query));

        Assert.Equal("Schema must contain uniquely named types but contains multiple types named \"Thing\".", error.Message);
    }

    private sealed record Doggo(string Id);

    [Fact]
    public void Runtime_type_of_an_abstract_value_comes_from_resolve_type_clr_type_or_is_type_of()
    {
        var node = new InterfaceType("Node", [new FieldDefinition("id", new NonNullType(Scalars.ID))]);
        var dog = new ObjectType("Dog", [new FieldDefinition("id", new NonNullType(Scalars.ID))], [node]) { ClrType = typeof(Doggo) };
        var cat = new ObjectType("Cat", [new FieldDefinition("id", new NonNullType(Scalars.ID))], [node])
        {
            IsTypeOf = (value, _) => value is string s && s.StartsWith("cat:", StringComparison.Ordinal),
        };
        var query = new ObjectType("Query", [new FieldDefinition("node", node)]);
        var schema = new GraphQLSchema(query, types: [dog, cat]);
        var context = new ResolveFieldContext
        {
            FieldName = "node",
            FieldNodes = [],
            FieldDefinition = query.GetField("node")!,
            ParentType = query,
            Path = new ResponsePath(null, "node"),
            Schema = schema,
            Fragments = new Dictionary<string, FragmentDefinitionNode>(),
            VariableValues = new Dictionary<string, object?>(),
            Operation = (OperationDefinitionNode)Parser.Parse("{ node { id } }").Definitions[0],
        };

        Assert.Same(dog, schema.ResolveRuntimeType(node, new Doggo("1"), context));
        Assert.Same(cat, schema.ResolveRuntimeType(node, "cat:2", context));
        Assert.Null(schema.ResolveRuntimeType(node, 42, context));
    }
}
