namespace Transparency.GraphQL.Language;

/// <summary>Limits and switches for parsing; the defaults suit a public endpoint.</summary>
public sealed record ParseOptions
{
    public static readonly ParseOptions Default = new();

    /// <summary>Skip locations on nodes (faster; errors from later phases then carry none).</summary>
    public bool NoLocation { get; init; }

    /// <summary>More lexical tokens than this is a syntax error (graphql-js's maxTokens).</summary>
    public int? MaxTokens { get; init; }

    /// <summary>More comments than this is a syntax error (graphql-js's maxComments).</summary>
    public int? MaxComments { get; init; }

    /// <summary>A body longer than this (UTF-16 code units) is rejected before lexing.</summary>
    public int? MaxSourceLength { get; init; }

    /// <summary>
    /// Deepest nesting of selection sets, list/object values and list types. The parser recurses
    /// once per level, so this bounds its stack and that of every later recursive walk.
    /// </summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>
    /// Accept `{}` as a selection set. graphql-js 17 does by default; the September 2025 spec's
    /// grammar (SelectionSet : { Selection+ }) does not, so neither do we unless asked.
    /// </summary>
    public bool AllowEmptySelectionSets { get; init; }
}

/// <summary>
/// Recursive-descent parser for the spec's grammar (Sections 2 and 3), following graphql-js 17's
/// parser function by function so that its error messages and locations match.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "An absent list is the shared empty array; returning List<T> would allocate one per node.")]
public sealed class Parser
{
    private readonly Lexer _lexer;
    private readonly ParseOptions _options;
    private readonly Source _source;
    private int _tokenCount;
    private int _depth;

    private Parser(Source source, ParseOptions? options)
    {
        _options = options ?? ParseOptions.Default;
        _source = source;
        if (_options.MaxSourceLength is { } maxLength && source.Body.Length > maxLength)
        {
            throw SyntaxErrors.Create(source, maxLength, $"Source contains more than {maxLength} UTF-16 code units. Parsing aborted.");
        }

        _lexer = new Lexer(source) { MaxComments = _options.MaxComments };
    }

    /// <summary>Parses a whole document; throws GraphQLError ("Syntax Error: ...") on failure.</summary>
    public static DocumentNode Parse(string source, ParseOptions? options = null) => Parse(new Source(source), options);

    public static DocumentNode Parse(Source source, ParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parser = new Parser(source, options);
        var document = parser.ParseDocument();
        return document with { TokenCount = parser._tokenCount };
    }

    /// <summary>Parses a single value literal, variables allowed (graphql-js's parseValue).</summary>
    public static ValueNode ParseValue(string source, ParseOptions? options = null) =>
        ParseWhole(new Source(source), options, p => p.ParseValueLiteral(isConst: false));

    /// <summary>Parses a single constant value literal (no variables).</summary>
    public static ValueNode ParseConstValue(string source, ParseOptions? options = null) =>
        ParseWhole(new Source(source), options, p => p.ParseValueLiteral(isConst: true));

    /// <summary>Parses a type reference such as `[String!]!`.</summary>
    public static TypeNode ParseType(string source, ParseOptions? options = null) =>
        ParseWhole(new Source(source), options, p => p.ParseTypeReference());

    /// <summary>
    /// Parses a schema coordinate (September 2025 edition, Section 3.17). No ignored tokens are
    /// allowed inside a coordinate, so this uses the lexer's coordinate mode.
    /// </summary>
    public static SchemaCoordinateNode ParseSchemaCoordinate(string source, ParseOptions? options = null)
    {
        var parser = new Parser(new Source(source), options);
        parser._lexer.SchemaCoordinateMode = true;
        parser.ExpectToken(TokenKind.SOF);
        var coordinate = parser.ParseSchemaCoordinateNode();
        parser.ExpectToken(TokenKind.EOF);
        return coordinate;
    }

    private static T ParseWhole<T>(Source source, ParseOptions? options, Func<Parser, T> parse)
    {
        var parser = new Parser(source, options);
        parser.ExpectToken(TokenKind.SOF);
        var result = parse(parser);
        parser.ExpectToken(TokenKind.EOF);
        return result;
    }

    // Document : Definition+

    private DocumentNode ParseDocument()
    {
        var start = _lexer.Token;
        ExpectToken(TokenKind.SOF);
        var definitions = new List<DefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.EOF));

        return new DocumentNode(definitions) { Loc = Loc(start) };
    }

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceL))
        {
            return ParseOperationDefinition();
        }

        var hasDescription = PeekDescription();
        var keywordToken = hasDescription ? _lexer.Lookahead() : _lexer.Token;

        if (hasDescription && keywordToken.Kind == TokenKind.BraceL)
        {
            throw SyntaxErrors.Create(_source, _lexer.Token.Start, "Unexpected description, descriptions are not supported on shorthand queries.");
        }

        if (keywordToken.Kind == TokenKind.Name)
        {
            switch (keywordToken.Value)
            {
                case "schema":
                    return ParseSchemaDefinition();
                case "scalar":
                    return ParseScalarTypeDefinition();
                case "type":
                    return ParseObjectTypeDefinition();
                case "interface":
                    return ParseInterfaceTypeDefinition();
                case "union":
                    return ParseUnionTypeDefinition();
                case "enum":
                    return ParseEnumTypeDefinition();
                case "input":
                    return ParseInputObjectTypeDefinition();
                case "directive":
                    return ParseDirectiveDefinition();
                case "query":
                case "mutation":
                case "subscription":
                    return ParseOperationDefinition();
                case "fragment":
                    return ParseFragmentDefinition();
            }

            if (hasDescription)
            {
                throw SyntaxErrors.Create(_source, _lexer.Token.Start, "Unexpected description, only GraphQL definitions support descriptions.");
            }

            if (keywordToken.Value == "extend")
            {
                return ParseTypeSystemExtension();
            }
        }

        throw Unexpected(keywordToken);
    }

    // Executable definitions (Section 2.3 - 2.8)

    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = _lexer.Token;
        if (Peek(TokenKind.BraceL))
        {
            var shorthand = ParseSelectionSet();
            return new OperationDefinitionNode(OperationType.Query, null, [], [], shorthand) { Loc = Loc(start) };
        }

        var description = ParseDescription();
        var operation = ParseOperationType();
        var name = Peek(TokenKind.Name) ? ParseName() : null;
        var variableDefinitions = ParseVariableDefinitions();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new OperationDefinitionNode(operation, name, variableDefinitions, directives, selectionSet, description) { Loc = Loc(start) };
    }

    private OperationType ParseOperationType()
    {
        var token = ExpectToken(TokenKind.Name);
        return token.Value switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw Unexpected(token),
        };
    }

    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions()
    {
        if (!ExpectOptionalToken(TokenKind.ParenL))
        {
            return [];
        }

        var definitions = new List<VariableDefinitionNode>();
        do
        {
            definitions.Add(ParseVariableDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.ParenR));

        return definitions;
    }

    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var variable = ParseVariable();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptionalToken(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new VariableDefinitionNode(variable, type, defaultValue, directives, description) { Loc = Loc(start) };
    }

    private VariableNode ParseVariable()
    {
        var start = _lexer.Token;
        ExpectToken(TokenKind.Dollar);
        return new VariableNode(ParseName()) { Loc = Loc(start) };
    }

    private SelectionSetNode ParseSelectionSet()
    {
        var start = _lexer.Token;
        Enter();
        ExpectToken(TokenKind.BraceL);
        var selections = new List<SelectionNode>();
        if (!(_options.AllowEmptySelectionSets && ExpectOptionalToken(TokenKind.BraceR)))
        {
            do
            {
                selections.Add(Peek(TokenKind.Spread) ? ParseFragment() : ParseField());
            }
            while (!ExpectOptionalToken(TokenKind.BraceR));
        }

        _depth--;
        return new SelectionSetNode(selections) { Loc = Loc(start) };
    }

    private FieldNode ParseField()
    {
        var start = _lexer.Token;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        var name = nameOrAlias;
        if (ExpectOptionalToken(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }

        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceL) ? ParseSelectionSet() : null;
        return new FieldNode(alias, name, arguments, directives, selectionSet) { Loc = Loc(start) };
    }

    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (!ExpectOptionalToken(TokenKind.ParenL))
        {
            return [];
        }

        var arguments = new List<ArgumentNode>();
        do
        {
            var start = _lexer.Token;
            var name = ParseName();
            ExpectToken(TokenKind.Colon);
            arguments.Add(new ArgumentNode(name, ParseValueLiteral(isConst)) { Loc = Loc(start) });
        }
        while (!ExpectOptionalToken(TokenKind.ParenR));

        return arguments;
    }

    // FragmentSpread : ... FragmentName Directives?   InlineFragment : ... TypeCondition? Directives? SelectionSet
    private SelectionNode ParseFragment()
    {
        var start = _lexer.Token;
        ExpectToken(TokenKind.Spread);
        var hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            return new FragmentSpreadNode(name, ParseDirectives(isConst: false)) { Loc = Loc(start) };
        }

        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode(typeCondition, directives, selectionSet) { Loc = Loc(start) };
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode(name, typeCondition, directives, selectionSet, description) { Loc = Loc(start) };
    }

    // FragmentName : Name but not `on`
    private NameNode ParseFragmentName()
    {
        if (_lexer.Token.Kind == TokenKind.Name && _lexer.Token.Value == "on")
        {
            throw Unexpected(_lexer.Token);
        }

        return ParseName();
    }

    // Values (Section 2.9)

    private ValueNode ParseValueLiteral(bool isConst)
    {
        var token = _lexer.Token;
        switch (token.Kind)
        {
            case TokenKind.BracketL:
                return ParseList(isConst);
            case TokenKind.BraceL:
                return ParseObject(isConst);
            case TokenKind.Int:
                AdvanceLexer();
                return new IntValueNode(token.Value!) { Loc = Loc(token) };
            case TokenKind.Float:
                AdvanceLexer();
                return new FloatValueNode(token.Value!) { Loc = Loc(token) };
            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                AdvanceLexer();
                return token.Value switch
                {
                    "true" => new BooleanValueNode(true) { Loc = Loc(token) },
                    "false" => new BooleanValueNode(false) { Loc = Loc(token) },
                    "null" => new NullValueNode { Loc = Loc(token) },
                    _ => new EnumValueNode(token.Value!) { Loc = Loc(token) },
                };
            case TokenKind.Dollar:
                if (isConst)
                {
                    ExpectToken(TokenKind.Dollar);
                    if (_lexer.Token.Kind == TokenKind.Name)
                    {
                        throw SyntaxErrors.Create(_source, token.Start, $"Unexpected variable \"${_lexer.Token.Value}\" in constant value.");
                    }

                    throw Unexpected(token);
                }

                return ParseVariable();
            default:
                throw Unexpected(_lexer.Token);
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = _lexer.Token;
        AdvanceLexer();
        return new StringValueNode(token.Value!, token.Kind == TokenKind.BlockString) { Loc = Loc(token) };
    }

    private ListValueNode ParseList(bool isConst)
    {
        var start = _lexer.Token;
        Enter();
        ExpectToken(TokenKind.BracketL);
        var values = new List<ValueNode>();
        while (!ExpectOptionalToken(TokenKind.BracketR))
        {
            values.Add(ParseValueLiteral(isConst));
        }

        _depth--;
        return new ListValueNode(values) { Loc = Loc(start) };
    }

    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = _lexer.Token;
        Enter();
        ExpectToken(TokenKind.BraceL);
        var fields = new List<ObjectFieldNode>();
        while (!ExpectOptionalToken(TokenKind.BraceR))
        {
            var fieldStart = _lexer.Token;
            var name = ParseName();
            ExpectToken(TokenKind.Colon);
            fields.Add(new ObjectFieldNode(name, ParseValueLiteral(isConst)) { Loc = Loc(fieldStart) });
        }

        _depth--;
        return new ObjectValueNode(fields) { Loc = Loc(start) };
    }

    // Directives (Section 2.12)

    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }

        var directives = new List<DirectiveNode>();
        while (Peek(TokenKind.At))
        {
            var start = _lexer.Token;
            ExpectToken(TokenKind.At);
            var name = ParseName();
            directives.Add(new DirectiveNode(name, ParseArguments(isConst)) { Loc = Loc(start) });
        }

        return directives;
    }

    // Type references (Section 2.11)

    private TypeNode ParseTypeReference()
    {
        var start = _lexer.Token;
        TypeNode type;
        if (ExpectOptionalToken(TokenKind.BracketL))
        {
            Enter();
            var inner = ParseTypeReference();
            ExpectToken(TokenKind.BracketR);
            _depth--;
            type = new ListTypeNode(inner) { Loc = Loc(start) };
        }
        else
        {
            type = ParseNamedType();
        }

        return ExpectOptionalToken(TokenKind.Bang) ? new NonNullTypeNode(type) { Loc = Loc(start) } : type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = _lexer.Token;
        return new NamedTypeNode(ParseName()) { Loc = Loc(start) };
    }

    private NameNode ParseName()
    {
        var token = ExpectToken(TokenKind.Name);
        return new NameNode(token.Value!) { Loc = Loc(token) };
    }

    // Type system (Section 3)

    private bool PeekDescription() => Peek(TokenKind.String) || Peek(TokenKind.BlockString);

    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operationTypes = Many(TokenKind.BraceL, ParseOperationTypeDefinition, TokenKind.BraceR);
        return new SchemaDefinitionNode(description, directives, operationTypes) { Loc = Loc(start) };
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = _lexer.Token;
        var operation = ParseOperationType();
        ExpectToken(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode(operation, type) { Loc = Loc(start) };
    }

    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new ScalarTypeDefinitionNode(description, name, directives) { Loc = Loc(start) };
    }

    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new ObjectTypeDefinitionNode(description, name, interfaces, directives, fields) { Loc = Loc(start) };
    }

    // ImplementsInterfaces : implements &? NamedType (& NamedType)*
    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces() =>
        ExpectOptionalKeyword("implements") ? DelimitedMany(TokenKind.Amp, ParseNamedType) : [];

    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition() =>
        OptionalMany(TokenKind.BraceL, ParseFieldDefinition, TokenKind.BraceR);

    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentDefs();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var directives = ParseDirectives(isConst: true);
        return new FieldDefinitionNode(description, name, arguments, type, directives) { Loc = Loc(start) };
    }

    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentDefs() =>
        OptionalMany(TokenKind.ParenL, ParseInputValueDef, TokenKind.ParenR);

    private InputValueDefinitionNode ParseInputValueDef()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptionalToken(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new InputValueDefinitionNode(description, name, type, defaultValue, directives) { Loc = Loc(start) };
    }

    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new InterfaceTypeDefinitionNode(description, name, interfaces, directives, fields) { Loc = Loc(start) };
    }

    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        return new UnionTypeDefinitionNode(description, name, directives, types) { Loc = Loc(start) };
    }

    // UnionMemberTypes : = |? NamedType (| NamedType)*
    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes() =>
        ExpectOptionalToken(TokenKind.Equals) ? DelimitedMany(TokenKind.Pipe, ParseNamedType) : [];

    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        return new EnumTypeDefinitionNode(description, name, directives, values) { Loc = Loc(start) };
    }

    private IReadOnlyList<EnumValueDefinitionNode> ParseEnumValuesDefinition() =>
        OptionalMany(TokenKind.BraceL, ParseEnumValueDefinition, TokenKind.BraceR);

    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var name = ParseEnumValueName();
        var directives = ParseDirectives(isConst: true);
        return new EnumValueDefinitionNode(description, name, directives) { Loc = Loc(start) };
    }

    // EnumValue : Name but not true, false or null (Section 2.9.6)
    private NameNode ParseEnumValueName()
    {
        var token = _lexer.Token;
        if (token.Kind == TokenKind.Name && token.Value is "true" or "false" or "null")
        {
            throw SyntaxErrors.Create(_source, token.Start, $"{token.Description} is reserved and cannot be used for an enum value.");
        }

        return ParseName();
    }

    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = OptionalMany(TokenKind.BraceL, ParseInputValueDef, TokenKind.BraceR);
        return new InputObjectTypeDefinitionNode(description, name, directives, fields) { Loc = Loc(start) };
    }

    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("directive");
        ExpectToken(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefs();
        var directives = ParseDirectives(isConst: true);
        var repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        var locations = DelimitedMany(TokenKind.Pipe, ParseDirectiveLocation);
        return new DirectiveDefinitionNode(description, name, arguments, repeatable, locations)
        {
            Directives = directives,
            Loc = Loc(start),
        };
    }

    private NameNode ParseDirectiveLocation()
    {
        var start = _lexer.Token;
        var name = ParseName();
        return DirectiveLocationNames.TryParse(name.Value, out _) ? name : throw Unexpected(start);
    }

    // Extensions: each must add something, else the token after the name is unexpected.

    private TypeSystemExtensionNode ParseTypeSystemExtension()
    {
        var keywordToken = _lexer.Lookahead();
        if (keywordToken.Kind == TokenKind.Name)
        {
            switch (keywordToken.Value)
            {
                case "schema":
                    return ParseSchemaExtension();
                case "scalar":
                    return ParseScalarTypeExtension();
                case "type":
                    return ParseObjectTypeExtension();
                case "interface":
                    return ParseInterfaceTypeExtension();
                case "union":
                    return ParseUnionTypeExtension();
                case "enum":
                    return ParseEnumTypeExtension();
                case "input":
                    return ParseInputObjectTypeExtension();
                case "directive":
                    return ParseDirectiveExtension();
            }
        }

        throw Unexpected(keywordToken);
    }

    private SchemaExtensionNode ParseSchemaExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operationTypes = OptionalMany(TokenKind.BraceL, ParseOperationTypeDefinition, TokenKind.BraceR);
        if (directives.Count == 0 && operationTypes.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new SchemaExtensionNode(directives, operationTypes) { Loc = Loc(start) };
    }

    private ScalarTypeExtensionNode ParseScalarTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        if (directives.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new ScalarTypeExtensionNode(name, directives) { Loc = Loc(start) };
    }

    private ObjectTypeExtensionNode ParseObjectTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new ObjectTypeExtensionNode(name, interfaces, directives, fields) { Loc = Loc(start) };
    }

    private InterfaceTypeExtensionNode ParseInterfaceTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new InterfaceTypeExtensionNode(name, interfaces, directives, fields) { Loc = Loc(start) };
    }

    private UnionTypeExtensionNode ParseUnionTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        if (directives.Count == 0 && types.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new UnionTypeExtensionNode(name, directives, types) { Loc = Loc(start) };
    }

    private EnumTypeExtensionNode ParseEnumTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        if (directives.Count == 0 && values.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new EnumTypeExtensionNode(name, directives, values) { Loc = Loc(start) };
    }

    private InputObjectTypeExtensionNode ParseInputObjectTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = OptionalMany(TokenKind.BraceL, ParseInputValueDef, TokenKind.BraceR);
        if (directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new InputObjectTypeExtensionNode(name, directives, fields) { Loc = Loc(start) };
    }

    private DirectiveExtensionNode ParseDirectiveExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("directive");
        ExpectToken(TokenKind.At);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        if (directives.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }

        return new DirectiveExtensionNode(name, directives) { Loc = Loc(start) };
    }

    // SchemaCoordinate : Name | Name . Name | Name . Name ( Name : ) | @ Name | @ Name ( Name : )
    private SchemaCoordinateNode ParseSchemaCoordinateNode()
    {
        var start = _lexer.Token;
        var ofDirective = ExpectOptionalToken(TokenKind.At);
        var name = ParseName();
        NameNode? memberName = null;
        if (!ofDirective && ExpectOptionalToken(TokenKind.Dot))
        {
            memberName = ParseName();
        }

        NameNode? argumentName = null;
        if ((ofDirective || memberName is not null) && ExpectOptionalToken(TokenKind.ParenL))
        {
            argumentName = ParseName();
            ExpectToken(TokenKind.Colon);
            ExpectToken(TokenKind.ParenR);
        }

        SchemaCoordinateNode coordinate = (ofDirective, memberName, argumentName) switch
        {
            (true, _, { } argument) => new DirectiveArgumentCoordinateNode(name, argument),
            (true, _, null) => new DirectiveCoordinateNode(name),
            (false, { } member, { } argument) => new ArgumentCoordinateNode(name, member, argument),
            (false, { } member, null) => new MemberCoordinateNode(name, member),
            _ => new TypeCoordinateNode(name),
        };
        return coordinate with { Loc = Loc(start) };
    }

    // Helpers, as graphql-js names them.

    private Location? Loc(Token start) =>
        _options.NoLocation ? null : new Location(start.Start, _lexer.LastToken.End, _source);

    private bool Peek(TokenKind kind) => _lexer.Token.Kind == kind;

    private Token ExpectToken(TokenKind kind)
    {
        var token = _lexer.Token;
        if (token.Kind == kind)
        {
            AdvanceLexer();
            return token;
        }

        throw SyntaxErrors.Create(_source, token.Start, $"Expected {Token.KindDescription(kind)}, found {token.Description}.");
    }

    private bool ExpectOptionalToken(TokenKind kind)
    {
        if (_lexer.Token.Kind == kind)
        {
            AdvanceLexer();
            return true;
        }

        return false;
    }

    private void ExpectKeyword(string value)
    {
        var token = _lexer.Token;
        if (token.Kind == TokenKind.Name && token.Value == value)
        {
            AdvanceLexer();
            return;
        }

        throw SyntaxErrors.Create(_source, token.Start, $"Expected \"{value}\", found {token.Description}.");
    }

    private bool ExpectOptionalKeyword(string value)
    {
        var token = _lexer.Token;
        if (token.Kind == TokenKind.Name && token.Value == value)
        {
            AdvanceLexer();
            return true;
        }

        return false;
    }

    private GraphQLError Unexpected(Token token) =>
        SyntaxErrors.Create(_source, token.Start, $"Unexpected {token.Description}.");

    private IReadOnlyList<T> Many<T>(TokenKind open, Func<T> parse, TokenKind close)
    {
        ExpectToken(open);
        var nodes = new List<T>();
        do
        {
            nodes.Add(parse());
        }
        while (!ExpectOptionalToken(close));

        return nodes;
    }

    private IReadOnlyList<T> OptionalMany<T>(TokenKind open, Func<T> parse, TokenKind close) =>
        Peek(open) ? Many(open, parse, close) : [];

    private List<T> DelimitedMany<T>(TokenKind delimiter, Func<T> parse)
    {
        ExpectOptionalToken(delimiter);
        var nodes = new List<T>();
        do
        {
            nodes.Add(parse());
        }
        while (ExpectOptionalToken(delimiter));

        return nodes;
    }

    // Not in graphql-js: JavaScript's stack overflow is a catchable RangeError, .NET's kills the process.
    private void Enter()
    {
        if (++_depth > _options.MaxDepth)
        {
            throw SyntaxErrors.Create(_source, _lexer.Token.Start, $"Document exceeds the maximum nesting depth of {_options.MaxDepth}. Parsing aborted.");
        }
    }

    private void AdvanceLexer()
    {
        var token = _lexer.Advance();
        if (token.Kind != TokenKind.EOF)
        {
            _tokenCount++;
            if (_options.MaxTokens is { } max && _tokenCount > max)
            {
                throw SyntaxErrors.Create(_source, token.Start, $"Document contains more than {max} tokens. Parsing aborted.");
            }
        }
    }
}
