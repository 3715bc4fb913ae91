using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Tests.Language;

public sealed class ParserTests
{
    [Fact]
    public void Kitchen_sink_query_prints_as_graphql_js_prints_it()
    {
        var document = Parser.Parse(KitchenSink.Query);

        Assert.Equal(KitchenSink.QueryPrinted, Printer.Print(document));
    }

    [Fact]
    public void Kitchen_sink_schema_prints_as_graphql_js_prints_it()
    {
        var document = Parser.Parse(KitchenSink.Schema);

        Assert.Equal(KitchenSink.SchemaPrinted, Printer.Print(document));
    }

    [Fact]
    public void Printing_is_stable_once_printed()
    {
        Assert.Equal(KitchenSink.QueryPrinted, Printer.Print(Parser.Parse(KitchenSink.QueryPrinted)));
        Assert.Equal(KitchenSink.SchemaPrinted, Printer.Print(Parser.Parse(KitchenSink.SchemaPrinted)));
    }

    [Fact]
    public void Builds_the_expected_tree_with_locations()
    {
        const string Body = "{\n  node(id: 4) {\n    id,\n    name\n  }\n}\n";
        var source = new Source(Body);

        var document = Parser.Parse(source);

        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Null(operation.Name);
        Assert.Empty(operation.VariableDefinitions);
        Assert.Equal(new Location(0, 40, source), operation.Loc);
        Assert.Equal(new Location(0, 41, source), document.Loc);

        var node = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal("node", node.Name.Value);
        Assert.Equal(new Location(4, 38, source), node.Loc);
        Assert.Equal(new Location(4, 8, source), node.Name.Loc);
        var argument = Assert.Single(node.Arguments);
        Assert.Equal("id", argument.Name.Value);
        Assert.Equal("4", Assert.IsType<IntValueNode>(argument.Value).Value);
        Assert.Equal(new Location(13, 14, source), argument.Value.Loc);
        Assert.Equal(["id", "name"], node.SelectionSet!.Selections.Cast<FieldNode>().Select(f => f.Name.Value));
        Assert.Equal(new SourceLocation(4, 5), node.SelectionSet.Selections[1].Loc!.Value.StartLocation);
    }

    [Fact]
    public void No_location_option_leaves_locations_out()
    {
        var document = Parser.Parse("{ a(b: [1, {c: $d}]) }", new ParseOptions { NoLocation = true });

        var field = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0];
        Assert.Null(document.Loc);
        Assert.Null(field.Loc);
        Assert.Null(field.Arguments[0].Value.Loc);

        Assert.Equal("{\n  a(b: [1, { c: $d }])\n}", Printer.Print(document));
    }

    [Fact]
    public void Counts_tokens_and_enforces_the_token_limit()
    {
        Assert.Equal(8, Parser.Parse("{ a(b: 1) }").TokenCount);

        Parser.Parse("{ a(b: 1) }", new ParseOptions { MaxTokens = 8 });
        var error = Assert.Throws<GraphQLError>(() => Parser.Parse("{ a(b: 1) }", new ParseOptions { MaxTokens = 7 }));

        Assert.Equal("Syntax Error: Document contains more than 7 tokens. Parsing aborted.", error.Message);
        Assert.Equal([new SourceLocation(1, 11)], error.Locations);
    }

    [Fact]
    public void Rejects_a_source_over_the_length_limit()
    {
        var error = Assert.Throws<GraphQLError>(() => Parser.Parse("{ abc }", new ParseOptions { MaxSourceLength = 5 }));

        Assert.Equal("Syntax Error: Source contains more than 5 UTF-16 code units. Parsing aborted.", error.Message);
    }

    [Theory]
    [InlineData("{a{a{a{a{a{a}}}}}}", 6, true)]
    [InlineData("{a{a{a{a{a{a{a}}}}}}}", 6, false)]
    [InlineData("{ a(b: [[[[[1]]]]]) }", 6, true)]
    [InlineData("{ a(b: [[[[[[1]]]]]]) }", 6, false)]
    [InlineData("{ a(b: {c: {d: {e: {f: 1}}}}) }", 5, true)]
    [InlineData("{ a(b: {c: {d: {e: {f: {g: 1}}}}}) }", 5, false)]
    [InlineData("query ($a: [[[[[[Int]]]]]]) { a }", 6, true)]
    [InlineData("query ($a: [[[[[[[Int]]]]]]]) { a }", 6, false)]
    public void Enforces_the_nesting_depth_limit(string body, int maxDepth, bool accepted)
    {
        var options = new ParseOptions { MaxDepth = maxDepth };
        if (accepted)
        {
            Parser.Parse(body, options);
            return;
        }

        var error = Assert.Throws<GraphQLError>(() => Parser.Parse(body, options));
        Assert.Equal($"Syntax Error: Document exceeds the maximum nesting depth of {maxDepth}. Parsing aborted.", error.Message);
    }

    [Fact]
    public void A_hostile_deeply_nested_document_fails_cleanly_instead_of_overflowing_the_stack()
    {
        var depth = 1_000_000;
        var body = string.Concat(Enumerable.Repeat("{a", depth)) + new string('}', depth);
        var values = "{ a(b: " + new string('[', depth) + new string(']', depth) + ") }";

        var error = Assert.Throws<GraphQLError>(() => Parser.Parse(body));
        Assert.Equal("Syntax Error: Document exceeds the maximum nesting depth of 256. Parsing aborted.", error.Message);
        Assert.Throws<GraphQLError>(() => Parser.Parse(values));
        Assert.Throws<GraphQLError>(() => Parser.ParseType(new string('[', depth) + "Int" + new string(']', depth)));
    }

    [Fact]
    public void Empty_selection_sets_follow_the_spec_unless_allowed()
    {
        var error = Assert.Throws<GraphQLError>(() => Parser.Parse("{ a {} }"));
        Assert.Equal("Syntax Error: Expected Name, found \"}\".", error.Message);

        var document = Parser.Parse("{ a {} }", new ParseOptions { AllowEmptySelectionSets = true });
        Assert.Equal("{\n  a {}\n}", Printer.Print(document));
    }

    [Fact]
    public void Parses_descriptions_on_executable_definitions()
    {
        var document = Parser.Parse("\"op\" query Q(\"\"\"var\"\"\" $a: Int) { a }\n\"frag\" fragment F on T { a }");

        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal("op", operation.Description!.Value);
        Assert.Equal("var", operation.VariableDefinitions[0].Description!.Value);
        Assert.True(operation.VariableDefinitions[0].Description!.Block);
        Assert.Equal("frag", ((FragmentDefinitionNode)document.Definitions[1]).Description!.Value);
    }

    [Fact]
    public void Parses_variable_definitions_with_defaults_and_directives()
    {
        var document = Parser.Parse("query ($a: [Int!]! = [1] @dir(x: 2) @other) { a }");

        var variable = ((OperationDefinitionNode)document.Definitions[0]).VariableDefinitions[0];
        Assert.Equal("a", variable.Variable.Name.Value);
        var nonNull = Assert.IsType<NonNullTypeNode>(variable.Type);
        var list = Assert.IsType<ListTypeNode>(nonNull.Type);
        Assert.Equal("Int", ((NamedTypeNode)((NonNullTypeNode)list.Type).Type).Name.Value);
        Assert.IsType<ListValueNode>(variable.DefaultValue);
        Assert.Equal(["dir", "other"], variable.Directives.Select(d => d.Name.Value));
    }

    [Fact]
    public void Parses_type_system_features()
    {
        var document = Parser.Parse("""
            interface Node { id: ID! }
            interface Resource implements Node & Entity { id: ID! }
            directive @tag(name: String!) repeatable on OBJECT | FIELD_DEFINITION
            extend schema @link
            """);

        var resource = (InterfaceTypeDefinitionNode)document.Definitions[1];
        Assert.Equal(["Node", "Entity"], resource.Interfaces.Select(i => i.Name.Value));
        var tag = (DirectiveDefinitionNode)document.Definitions[2];
        Assert.True(tag.Repeatable);
        Assert.Equal(["OBJECT", "FIELD_DEFINITION"], tag.Locations.Select(l => l.Value));
        Assert.IsType<SchemaExtensionNode>(document.Definitions[3]);
    }

    [Fact]
    public void Keywords_are_ordinary_names_elsewhere()
    {
        var document = Parser.Parse("query query { query: on(fragment: true, null: null, type: type) { subscription } } fragment schema on schema { a }");

        Assert.Equal(2, document.Definitions.Count);
        Assert.Equal("query", ((OperationDefinitionNode)document.Definitions[0]).Name!.Value);
        Assert.Equal("schema", ((FragmentDefinitionNode)document.Definitions[1]).Name.Value);
    }

    [Fact]
    public void Parses_values_and_types_alone()
    {
        var list = Assert.IsType<ListValueNode>(Parser.ParseValue("[123 \"abc\"]"));
        Assert.Equal("123", Assert.IsType<IntValueNode>(list.Values[0]).Value);
        Assert.Equal("abc", Assert.IsType<StringValueNode>(list.Values[1]).Value);

        var obj = Assert.IsType<ObjectValueNode>(Parser.ParseValue("{a: $v}"));
        Assert.Equal("v", Assert.IsType<VariableNode>(Assert.Single(obj.Fields).Value).Name.Value);

        var block = Assert.IsType<StringValueNode>(Parser.ParseValue("\"\"\"long string\"\"\""));
        Assert.Equal(("long string", true), (block.Value, block.Block));

        var type = Assert.IsType<NonNullTypeNode>(Parser.ParseType("[MyType]!"));
        Assert.Equal("MyType", Assert.IsType<NamedTypeNode>(Assert.IsType<ListTypeNode>(type.Type).Type).Name.Value);
        Assert.Equal("[MyType]!", Printer.Print(type));

        var error = Assert.Throws<GraphQLError>(() => Parser.ParseConstValue("$v"));
        Assert.Equal("Syntax Error: Unexpected variable \"$v\" in constant value.", error.Message);
        Assert.Throws<GraphQLError>(() => Parser.ParseValue("1 2"));
    }

    [Theory]
    [InlineData("MyType", "MyType", typeof(TypeCoordinateNode))]
    [InlineData("MyType.field", "MyType.field", typeof(MemberCoordinateNode))]
    [InlineData("MyType.field(arg:)", "MyType.field(arg:)", typeof(ArgumentCoordinateNode))]
    [InlineData("@myDirective", "@myDirective", typeof(DirectiveCoordinateNode))]
    [InlineData("@myDirective(arg:)", "@myDirective(arg:)", typeof(DirectiveArgumentCoordinateNode))]
    public void Parses_schema_coordinates(string body, string printed, Type nodeType)
    {
        var coordinate = Parser.ParseSchemaCoordinate(body);

        Assert.IsType(nodeType, coordinate);
        Assert.Equal(printed, Printer.Print(coordinate));
    }

    [Theory]
    [InlineData("MyType.field.deep", "Syntax Error: Expected <EOF>, found \".\".")]
    [InlineData("MyType .field", "Syntax Error: Invalid character: \" \".")]
    [InlineData("@myDirective.field", "Syntax Error: Expected <EOF>, found \".\".")]
    [InlineData("MyType.field(arg: value)", "Syntax Error: Invalid character: \" \".")]
    public void Rejects_malformed_schema_coordinates(string body, string message)
    {
        var error = Assert.Throws<GraphQLError>(() => Parser.ParseSchemaCoordinate(body));

        Assert.Equal(message, error.Message);
    }
}
