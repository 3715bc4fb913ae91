using Transparency.GraphQL.Language;
using Transparency.GraphQL.Types;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Tests.TypesTests;

// The introspection resolvers, called directly on the engine's own objects (the executor runs
// the full introspection query in its own tests).
public sealed class IntrospectionTests
{
    private static readonly GraphQLSchema Schema = BuildAstSchema.BuildSchema("""
        "The schema."
        schema { query: Query }
        directive @cost(weight: Int = 1, old: Int @deprecated) repeatable on FIELD_DEFINITION
        type Query { a(x: Int = 3, y: In @deprecated): Int, b: String @deprecated(reason: "no") }
        scalar Url @specifiedBy(url: "https://example.com/url")
        input In { p: Int, q: Int @deprecated }
        input One @oneOf { p: Int, q: String }
        enum E { X, Y @deprecated }
        """);

    private static object? Resolve(ObjectType type, string field, object? source, bool? includeDeprecated = null, Dictionary<string, object?>? arguments = null)
    {
        var definition = type.GetField(field) ?? TypeInfo.GetFieldDef(Schema, type, field)!;
        arguments ??= [];
        if (includeDeprecated is { } include)
        {
            arguments["includeDeprecated"] = include;
        }
        else if (definition.GetArgument("includeDeprecated") is { } argument && argument.TryGetDefault(out var fallback))
        {
            arguments["includeDeprecated"] = fallback;
        }

        var operation = (OperationDefinitionNode)Parser.Parse("{ " + field + " }").Definitions[0];
        return definition.ResolveSync!(new ResolveFieldContext
        {
            Source = source,
            Arguments = arguments,
            FieldName = field,
            FieldNodes = [(FieldNode)operation.SelectionSet.Selections[0]],
            FieldDefinition = definition,
            ParentType = type,
            Path = new ResponsePath(null, field),
            Schema = Schema,
            Fragments = new Dictionary<string, FragmentDefinitionNode>(),
            VariableValues = new Dictionary<string, object?>(),
            Operation = operation,
        });
    }

    private static List<string> Names(object? items) =>
        [.. ((System.Collections.IEnumerable)items!).Cast<object>().Select(i => i switch
        {
            NamedType t => t.Name,
            FieldDefinition f => f.Name,
            InputValueDefinition v => v.Name,
            EnumValueDefinition e => e.Name,
            DirectiveDefinition d => d.Name,
            _ => i.ToString()!,
        })];

    [Fact]
    public void Deprecated_members_are_hidden_unless_asked_for()
    {
        var query = Schema.QueryType!;
        var a = query.GetField("a")!;

        Assert.Equal(["a"], Names(Resolve(Introspection.TypeType, "fields", query)));
        Assert.Equal(["a", "b"], Names(Resolve(Introspection.TypeType, "fields", query, true)));
        Assert.Equal(["x"], Names(Resolve(Introspection.FieldType, "args", a)));
        Assert.Equal(["x", "y"], Names(Resolve(Introspection.FieldType, "args", a, true)));
        Assert.Equal(["p"], Names(Resolve(Introspection.TypeType, "inputFields", Schema.GetType("In"))));
        Assert.Equal(["X", "Y"], Names(Resolve(Introspection.TypeType, "enumValues", Schema.GetType("E"), true)));
        Assert.Equal(["weight"], Names(Resolve(Introspection.DirectiveType, "args", Schema.GetDirective("cost"))));
        Assert.Equal("no", Resolve(Introspection.FieldType, "deprecationReason", query.GetField("b")));
    }

    [Fact]
    public void Type_fields_answer_per_kind()
    {
        var one = Schema.GetType("One");

        Assert.Equal(TypeKind.InputObject, Resolve(Introspection.TypeType, "kind", one));
        Assert.Equal(true, Resolve(Introspection.TypeType, "isOneOf", one));
        Assert.Equal(false, Resolve(Introspection.TypeType, "isOneOf", Schema.GetType("In")));
        Assert.Null(Resolve(Introspection.TypeType, "isOneOf", Schema.QueryType));
        Assert.Equal("https://example.com/url", Resolve(Introspection.TypeType, "specifiedByURL", Schema.GetType("Url")));
        Assert.Null(Resolve(Introspection.TypeType, "fields", one));
        var wrapped = new NonNullType(new ListType(Scalars.Int));
        Assert.Null(Resolve(Introspection.TypeType, "name", wrapped));
        Assert.Equal(TypeKind.NonNull, Resolve(Introspection.TypeType, "kind", wrapped));
        Assert.Equal(new ListType(Scalars.Int), Resolve(Introspection.TypeType, "ofType", wrapped));
        Assert.Equal("NON_NULL", Introspection.TypeKindType.Serialize(TypeKind.NonNull));
    }

    [Fact]
    public void Schema_and_directive_fields()
    {
        Assert.Equal("The schema.", Resolve(Introspection.SchemaType, "description", Schema));
        Assert.Same(Schema.QueryType, Resolve(Introspection.SchemaType, "queryType", Schema));
        var types = Names(Resolve(Introspection.SchemaType, "types", Schema));
        Assert.Contains("__Directive", types);
        Assert.Contains("Boolean", types);
        Assert.Equal(["cost", "include", "skip", "deprecated", "specifiedBy", "oneOf"], Names(Resolve(Introspection.SchemaType, "directives", Schema)));

        var cost = Schema.GetDirective("cost");
        Assert.Equal(true, Resolve(Introspection.DirectiveType, "isRepeatable", cost));
        Assert.Equal(
            ["FIELD_DEFINITION"],
            ((IEnumerable<DirectiveLocation>)Resolve(Introspection.DirectiveType, "locations", cost)!).Select(l => Introspection.DirectiveLocationType.Serialize(l)));
        Assert.Equal("1", Resolve(Introspection.InputValueType, "defaultValue", cost!.GetArgument("weight")));
        Assert.Equal("\"No longer supported\"", Resolve(Introspection.InputValueType, "defaultValue", Directives.Deprecated.GetArgument("reason")));
        Assert.Null(Resolve(Introspection.InputValueType, "defaultValue", Directives.Skip.GetArgument("if")));
    }

    [Fact]
    public void Meta_fields_resolve_schema_type_and_typename()
    {
        var query = Schema.QueryType!;

        Assert.Same(Schema, Resolve(query, "__schema", null));
        Assert.Same(Schema.GetType("E"), Resolve(query, "__type", null, arguments: new() { ["name"] = "E" }));
        Assert.Null(Resolve(query, "__type", null, arguments: new() { ["name"] = "Nope" }));
        Assert.Equal("Query", Resolve(query, "__typename", null));
    }
}
