using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Tests.Language;

public sealed class LexerTests
{
    private static Token LexOne(string body) => new Lexer(new Source(body)).Advance();

    private static List<Token> LexAll(string body)
    {
        var lexer = new Lexer(new Source(body));
        var tokens = new List<Token>();
        for (var token = lexer.Advance(); token.Kind != TokenKind.EOF; token = lexer.Advance())
        {
            tokens.Add(token);
        }

        return tokens;
    }

    [Theory]
    [InlineData("!", TokenKind.Bang)]
    [InlineData("$", TokenKind.Dollar)]
    [InlineData("&", TokenKind.Amp)]
    [InlineData("(", TokenKind.ParenL)]
    [InlineData(")", TokenKind.ParenR)]
    [InlineData("...", TokenKind.Spread)]
    [InlineData(":", TokenKind.Colon)]
    [InlineData("=", TokenKind.Equals)]
    [InlineData("@", TokenKind.At)]
    [InlineData("[", TokenKind.BracketL)]
    [InlineData("]", TokenKind.BracketR)]
    [InlineData("{", TokenKind.BraceL)]
    [InlineData("|", TokenKind.Pipe)]
    [InlineData("}", TokenKind.BraceR)]
    public void Lexes_punctuators(string body, TokenKind kind)
    {
        var token = LexOne(body);

        Assert.Equal(new Token(kind, 0, body.Length), token);
    }

    [Theory]
    [InlineData("simple", "simple")]
    [InlineData("_under_score9", "_under_score9")]
    [InlineData("  name  ", "name")]
    public void Lexes_names(string body, string value)
    {
        var token = LexOne(body);

        Assert.Equal(TokenKind.Name, token.Kind);
        Assert.Equal(value, token.Value);
        Assert.Equal(body.IndexOf(value, StringComparison.Ordinal), token.Start);
    }

    [Theory]
    [InlineData("4", TokenKind.Int)]
    [InlineData("-4", TokenKind.Int)]
    [InlineData("0", TokenKind.Int)]
    [InlineData("-0", TokenKind.Int)]
    [InlineData("9007199254740993", TokenKind.Int)]
    [InlineData("4.123", TokenKind.Float)]
    [InlineData("-4.123", TokenKind.Float)]
    [InlineData("0.123", TokenKind.Float)]
    [InlineData("123e4", TokenKind.Float)]
    [InlineData("123E4", TokenKind.Float)]
    [InlineData("123e-4", TokenKind.Float)]
    [InlineData("123e+4", TokenKind.Float)]
    [InlineData("-1.123e4", TokenKind.Float)]
    [InlineData("-1.123E-4", TokenKind.Float)]
    [InlineData("-1.123e4567", TokenKind.Float)]
    public void Lexes_numbers_keeping_their_text(string body, TokenKind kind)
    {
        var token = LexOne(body);

        Assert.Equal(new Token(kind, 0, body.Length, body), token);
    }

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\" white space \"", " white space ")]
    [InlineData("\"quote \\\"\"", "quote \"")]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\"", "escaped \n\r\b\t\f")]
    [InlineData("\"slashes \\\\ \\/\"", "slashes \\ /")]
    [InlineData("\"unescaped unicode outside BMP \U0001F600\"", "unescaped unicode outside BMP \U0001F600")]
    [InlineData("\"unescaped maximal unicode outside BMP \U0010FFFF\"", "unescaped maximal unicode outside BMP \U0010FFFF")]
    [InlineData("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"unicode \\u{1234}\\u{5678}\\u{90AB}\\u{CDEF}\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"string with unicode escape outside BMP \\u{1F600}\"", "string with unicode escape outside BMP \U0001F600")]
    [InlineData("\"string with minimal unicode escape \\u{0}\"", "string with minimal unicode escape \0")]
    [InlineData("\"string with maximal unicode escape \\u{10FFFF}\"", "string with maximal unicode escape \U0010FFFF")]
    [InlineData("\"string with maximal minimal unicode escape \\u{00000000}\"", "string with maximal minimal unicode escape \0")]
    [InlineData("\"string with unicode surrogate pair escape \\uD83D\\uDE00\"", "string with unicode surrogate pair escape \U0001F600")]
    [InlineData("\"string with minimal surrogate pair escape \\uD800\\uDC00\"", "string with minimal surrogate pair escape \U00010000")]
    [InlineData("\"string with maximal surrogate pair escape \\uDBFF\\uDFFF\"", "string with maximal surrogate pair escape \U0010FFFF")]
    public void Lexes_strings_with_escapes(string body, string value)
    {
        var token = LexOne(body);

        Assert.Equal(new Token(TokenKind.String, 0, body.Length, value), token);
    }

    [Theory]
    [InlineData("\"\"\"\"\"\"", "")]
    [InlineData("\"\"\"simple\"\"\"", "simple")]
    [InlineData("\"\"\" white space \"\"\"", " white space ")]
    [InlineData("\"\"\"contains \" quote\"\"\"", "contains \" quote")]
    [InlineData("\"\"\"contains \\\"\"\" triple quote\"\"\"", "contains \"\"\" triple quote")]
    [InlineData("\"\"\"multi\nline\"\"\"", "multi\nline")]
    [InlineData("\"\"\"multi\rline\r\nnormalized\"\"\"", "multi\nline\nnormalized")]
    [InlineData("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", "unescaped \\n\\r\\b\\t\\f\\u1234")]
    [InlineData("\"\"\"unescaped unicode outside BMP \U0001F600\"\"\"", "unescaped unicode outside BMP \U0001F600")]
    [InlineData("\"\"\"slashes \\\\ \\/\"\"\"", "slashes \\\\ \\/")]
    [InlineData("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"", "spans\n  multiple\n    lines")]
    public void Lexes_block_strings_with_dedent(string body, string value)
    {
        var token = LexOne(body);

        Assert.Equal(new Token(TokenKind.BlockString, 0, body.Length, value), token);
    }

    [Fact]
    public void Skips_whitespace_commas_comments_and_byte_order_mark()
    {
        var body = "\uFEFF\n\n    foo\n\n\n";
        Assert.Equal(new Token(TokenKind.Name, 7, 10, "foo"), LexOne(body));

        var commented = "\r\n    #comment\r\n    foo#comment\r\n";
        Assert.Equal(new Token(TokenKind.Name, 20, 23, "foo"), LexOne(commented));

        Assert.Equal(new Token(TokenKind.Name, 3, 6, "foo"), LexOne(",,,foo,,,"));
        Assert.Equal(TokenKind.EOF, LexOne("# only a comment \U0001F600").Kind);
    }

    [Fact]
    public void Lookahead_does_not_advance_and_eof_repeats()
    {
        var lexer = new Lexer(new Source("a # comment\n b"));
        Assert.Equal(TokenKind.SOF, lexer.Token.Kind);
        Assert.Equal("a", lexer.Lookahead().Value);
        Assert.Equal("a", lexer.Advance().Value);
        Assert.Equal("b", lexer.Lookahead().Value);
        Assert.Equal("a", lexer.Token.Value);
        Assert.Equal("b", lexer.Advance().Value);
        Assert.Equal("a", lexer.LastToken.Value);
        Assert.Equal(TokenKind.EOF, lexer.Advance().Kind);
        Assert.Equal(TokenKind.EOF, lexer.Advance().Kind);
    }

    [Fact]
    public void Lexes_a_whole_line_of_mixed_tokens()
    {
        var kinds = LexAll("query Q($id: ID! = 4) @d { a: b(c: [1.5, \"s\", \"\"\"t\"\"\"]) ...F ... on T | & }")
            .Select(t => t.Kind)
            .ToArray();

        TokenKind[] expected =
        [
            TokenKind.Name, TokenKind.Name, TokenKind.ParenL, TokenKind.Dollar, TokenKind.Name, TokenKind.Colon,
            TokenKind.Name, TokenKind.Bang, TokenKind.Equals, TokenKind.Int, TokenKind.ParenR, TokenKind.At,
            TokenKind.Name, TokenKind.BraceL, TokenKind.Name, TokenKind.Colon, TokenKind.Name, TokenKind.ParenL,
            TokenKind.Name, TokenKind.Colon, TokenKind.BracketL, TokenKind.Float, TokenKind.String,
            TokenKind.BlockString, TokenKind.BracketR, TokenKind.ParenR, TokenKind.Spread, TokenKind.Name,
            TokenKind.Spread, TokenKind.Name, TokenKind.Name, TokenKind.Pipe, TokenKind.Amp, TokenKind.BraceR,
        ];
        Assert.Equal(expected, kinds);
    }

    [Fact]
    public void Reports_errors_with_line_and_column()
    {
        var error = Assert.Throws<GraphQLError>(() => LexOne("\n\n    ~\n"));

        Assert.Equal("Syntax Error: Unexpected character: \"~\".", error.Message);
        Assert.Equal([new SourceLocation(3, 5)], error.Locations);
        Assert.Equal("GRAPHQL_PARSE_FAILED", error.Code);
    }

    [Fact]
    public void Block_string_errors_point_into_later_lines()
    {
        var error = Assert.Throws<GraphQLError>(() => LexOne("\"\"\"first\n  second \uDEAD\"\"\""));

        Assert.Equal("Syntax Error: Invalid character within String: U+DEAD.", error.Message);
        Assert.Equal([new SourceLocation(2, 10)], error.Locations);
    }

    [Fact]
    public void Comment_limit_is_enforced()
    {
        var lexer = new Lexer(new Source("#a\n#b\n#c\nx")) { MaxComments = 2 };

        var error = Assert.Throws<GraphQLError>(() => lexer.Advance());

        Assert.Equal("Syntax Error: Document contains more than 2 comments. Parsing aborted.", error.Message);
        Assert.Equal([new SourceLocation(3, 1)], error.Locations);
    }
}
