using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Tests.UtilitiesTests;

public sealed class TypeInfoTests
{
    private static readonly GraphQLSchema Schema = BuildAstSchema.BuildSchema("""
        type Query { pet(by: PetFilter, kind: Kind = DOG): Pet, dogs(names: [String!]): [Dog] }
        interface Pet { name: String }
        type Dog implements Pet { name: String, barks(loud: Boolean): Boolean }
        enum Kind { DOG CAT }
        input PetFilter { kind: Kind, tags: [String] }
        """);

    // Records, for each node kind of interest, what TypeInfo says while a visitor sees it.
    private sealed class Recorder(TypeInfo typeInfo) : AstVisitor
    {
        public List<string> Seen { get; } = [];

        public override VisitAction Enter(Node node)
        {
            switch (node)
            {
                case FieldNode field:
                    Seen.Add($"field {field.Name.Value}: parent={typeInfo.ParentType} type={typeInfo.Type} def={typeInfo.FieldDef?.Name}");
                    break;
                case ArgumentNode argument:
                    Seen.Add($"arg {argument.Name.Value}: input={typeInfo.InputType} default={typeInfo.HasDefaultValue}");
                    break;
                case ObjectFieldNode objectField:
                    Seen.Add($"objectField {objectField.Name.Value}: input={typeInfo.InputType} parentInput={typeInfo.ParentInputType}");
                    break;
                case EnumValueNode enumValue:
                    Seen.Add($"enum {enumValue.Value}: known={typeInfo.EnumValue is not null}");
                    break;
                case StringValueNode s:
                    Seen.Add($"string {s.Value}: input={typeInfo.InputType}");
                    break;
                case DirectiveNode directive:
                    Seen.Add($"directive {directive.Name.Value}: def={typeInfo.Directive}");
                    break;
                case InlineFragmentNode:
                    Seen.Add($"inline: type={typeInfo.Type}");
                    break;
            }

            return VisitAction.Continue;
        }
    }

    [Fact]
    public void Tracks_types_fields_arguments_and_input_values_through_a_walk()
    {
        var document = Parser.Parse("""
            {
              pet(by: {kind: CAT, tags: ["a"]}, kind: DOG) {
                name @include(if: true)
                ... on Dog { barks(loud: true) unknown }
                __typename
              }
              dogs(names: "rex") { name }
              __schema { queryType { name } }
            }
            """);
        var typeInfo = new TypeInfo(Schema);
        var recorder = new Recorder(typeInfo);

        AstWalker.Walk(document, recorder, typeInfo);

        Assert.Equal(
            [
                "field pet: parent=Query type=Pet def=pet",
                "arg by: input=PetFilter default=False",
                "objectField kind: input=Kind parentInput=PetFilter",
                "enum CAT: known=True",
                "objectField tags: input=[String] parentInput=PetFilter",
                "string a: input=String",
                "arg kind: input=Kind default=True",
                "enum DOG: known=True",
                "field name: parent=Pet type=String def=name",
                "directive include: def=@include",
                "arg if: input=Boolean! default=False",
                "inline: type=Dog",
                "field barks: parent=Dog type=Boolean def=barks",
                "arg loud: input=Boolean default=False",
                "field unknown: parent=Dog type= def=",
                "field __typename: parent=Pet type=String! def=__typename",
                "field dogs: parent=Query type=[Dog] def=dogs",
                "arg names: input=[String!] default=False",
                "string rex: input=[String!]",
                "field name: parent=Dog type=String def=name",
                "field __schema: parent=Query type=__Schema! def=__schema",
                "field queryType: parent=__Schema type=__Type! def=queryType",
                "field name: parent=__Type type=String def=name",
            ],
            recorder.Seen);
    }

    [Fact]
    public void Meta_fields_resolve_only_where_the_spec_allows_them()
    {
        var dog = Schema.GetType("Dog")!;

        Assert.Same(Introspection.TypeMetaField, TypeInfo.GetFieldDef(Schema, Schema.QueryType!, "__type"));
        Assert.Null(TypeInfo.GetFieldDef(Schema, dog, "__schema"));
        Assert.Same(Introspection.TypeNameMetaField, TypeInfo.GetFieldDef(Schema, dog, "__typename"));
        Assert.Null(TypeInfo.GetFieldDef(Schema, Schema.GetType("Kind")!, "__typename"));
    }
}
