using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Validation;

namespace Transparency.GraphQL.Tests.Validation.Rules;

/// <summary>One reported error as a user sees it: the message and its (line, column) locations.</summary>
internal sealed record ReportedError(string Message, params (int Line, int Column)[] Locations)
{
    public bool Equals(ReportedError? other) =>
        other is not null && Message == other.Message && Locations.SequenceEqual(other.Locations);

    public override int GetHashCode() => Message.GetHashCode(StringComparison.Ordinal);

    public override string ToString() =>
        Message + " @ " + string.Join(", ", Locations.Select(l => $"{l.Line}:{l.Column}"));
}

/// <summary>Runs one rule over a document, like graphql-js's harness expectErrors / expectValid.</summary>
internal static class RuleHarness
{
    public static IReadOnlyList<ReportedError> Validate(ValidationRule rule, string query, GraphQLSchema? schema = null)
    {
        var document = Parser.Parse(query);
        var errors = DocumentValidator.Validate(schema ?? RuleTestSchema.Schema, document, [rule]);
        return [.. errors.Select(ToReported)];
    }

    public static IReadOnlyList<ReportedError> ValidateSdl(SdlValidationRule rule, string sdl, GraphQLSchema? schemaToExtend = null)
    {
        var document = Parser.Parse(sdl);
        return [.. DocumentValidator.ValidateSdl(document, schemaToExtend, [rule]).Select(ToReported)];
    }

    public static void ExpectErrors(ValidationRule rule, string query, params ReportedError[] expected) =>
        Assert.Equal(expected, Validate(rule, query));

    public static void ExpectValid(ValidationRule rule, string query) =>
        Assert.Empty(Validate(rule, query));

    private static ReportedError ToReported(GraphQLError error) =>
        new(error.Message, [.. (error.Locations ?? []).Select(l => (l.Line, l.Column))]);
}

/// <summary>
/// A code-first copy of the part of graphql-js's validation test schema these rules' tests use
/// (src/validation/__tests__/harness.ts), so the tests need nothing but the type system.
/// </summary>
internal static class RuleTestSchema
{
    public static GraphQLSchema Schema { get; } = Build();

    private static NonNullType NonNull(GraphQLType type) => new(type);

    private static InputValueDefinition Arg(string name, GraphQLType type, ValueNode? defaultValue = null) =>
        new(name, type) { DefaultValueLiteral = defaultValue };

    private static FieldDefinition Field(string name, GraphQLType type, params InputValueDefinition[] arguments) =>
        new(name, type, arguments);

    private static GraphQLSchema Build()
    {
        var surname = Arg("surname", Scalars.Boolean);
        InterfaceType? mammal = null;
        mammal = new InterfaceType("Mammal", () => [Field("mother", mammal!), Field("father", mammal!)]);
        var pet = new InterfaceType("Pet", [Field("name", Scalars.String, surname)]);
        InterfaceType? canine = null;
        canine = new InterfaceType(
            "Canine",
            () => [Field("name", Scalars.String, surname), Field("mother", canine!), Field("father", canine!)],
            () => [mammal]);
        var dogCommand = new EnumType("DogCommand", [new("SIT"), new("HEEL"), new("DOWN")]);
        var furColor = new EnumType("FurColor", [new("BROWN"), new("BLACK"), new("TAN"), new("SPOTTED")]);

        ObjectType? dog = null;
        dog = new ObjectType(
            "Dog",
            () =>
            [
                Field("name", Scalars.String, surname),
                Field("nickname", Scalars.String),
                Field("barkVolume", Scalars.Int),
                Field("barks", Scalars.Boolean),
                Field("doesKnowCommand", Scalars.Boolean, Arg("dogCommand", dogCommand)),
                Field("isHouseTrained", Scalars.Boolean, Arg("atOtherHomes", Scalars.Boolean, new BooleanValueNode(true))),
                Field("isAtLocation", Scalars.Boolean, Arg("x", Scalars.Int), Arg("y", Scalars.Int)),
                Field("mother", dog!),
                Field("father", dog!),
            ],
            () => [pet, mammal, canine]);
        var cat = new ObjectType(
            "Cat",
            [
                Field("name", Scalars.String, surname),
                Field("nickname", Scalars.String),
                Field("meows", Scalars.Boolean),
                Field("meowsVolume", Scalars.Int),
                Field("furColor", furColor),
            ],
            [pet]);
        var catOrDog = new UnionType("CatOrDog", [cat, dog]);
        ObjectType? human = null;
        human = new ObjectType(
            "Human",
            () => [Field("name", Scalars.String, surname), Field("pets", new ListType(pet)), Field("relatives", new ListType(human!))]);

        var complexInput = new InputObjectType(
            "ComplexInput",
            [
                Arg("requiredField", NonNull(Scalars.Boolean)),
                Arg("nonNullField", NonNull(Scalars.Boolean), new BooleanValueNode(false)),
                Arg("intField", Scalars.Int),
                Arg("stringField", Scalars.String),
                Arg("booleanField", Scalars.Boolean),
                Arg("stringListField", new ListType(Scalars.String)),
            ]);
        var oneOfInput = new InputObjectType("OneOfInput", [Arg("stringField", Scalars.String), Arg("intField", Scalars.Int)])
        {
            IsOneOf = true,
        };

        // graphql-js's harness has these two: one rejects a literal by returning undefined, one
        // by throwing an ordinary (non-GraphQL) error.
        var invalidScalar = new ScalarType("Invalid") { ParseLiteral = _ => Utilities.ValueFromAst.Invalid };
        var throwingScalar = new ScalarType("Picky")
        {
            ParseLiteral = node => node is StringValueNode ? "ok" : throw new FormatException("Picky wants a string."),
        };

        var complicatedArgs = new ObjectType(
            "ComplicatedArgs",
            [
                Field("intArgField", Scalars.String, Arg("intArg", Scalars.Int)),
                Field("nonNullIntArgField", Scalars.String, Arg("nonNullIntArg", NonNull(Scalars.Int))),
                Field("stringArgField", Scalars.String, Arg("stringArg", Scalars.String)),
                Field("booleanArgField", Scalars.String, Arg("booleanArg", Scalars.Boolean)),
                Field("enumArgField", Scalars.String, Arg("enumArg", furColor)),
                Field("stringListArgField", Scalars.String, Arg("stringListArg", new ListType(Scalars.String))),
                Field("stringListNonNullArgField", Scalars.String, Arg("stringListNonNullArg", new ListType(NonNull(Scalars.String)))),
                Field("complexArgField", Scalars.String, Arg("complexArg", complexInput)),
                Field("oneOfArgField", Scalars.String, Arg("oneOfArg", oneOfInput)),
                Field("multipleReqs", Scalars.String, Arg("req1", NonNull(Scalars.Int)), Arg("req2", NonNull(Scalars.Int))),
                Field("nonNullFieldWithDefault", Scalars.String, Arg("arg", NonNull(Scalars.Int), new IntValueNode("0"))),
                Field("multipleOpts", Scalars.String, Arg("opt1", Scalars.Int, new IntValueNode("0")), Arg("opt2", Scalars.Int, new IntValueNode("0"))),
                Field("invalidArgField", Scalars.String, Arg("arg", invalidScalar)),
                Field("pickyArgField", Scalars.String, Arg("arg", throwingScalar)),
            ]);

        var query = new ObjectType(
            "QueryRoot",
            [
                Field("human", human, Arg("id", Scalars.ID)),
                Field("dog", dog),
                Field("cat", cat),
                Field("pet", pet),
                Field("catOrDog", catOrDog),
                Field("complicatedArgs", complicatedArgs),
            ]);

        return new GraphQLSchema(query, types: [dog, cat, human, canine, mammal]);
    }
}
