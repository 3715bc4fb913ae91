namespace Transparency.GraphQL.Language;

/// <summary>Lexical token kinds (spec Section 2.1.6, graphql-js's TokenKind).</summary>
public enum TokenKind
{
    SOF,
    EOF,
    Bang,
    Dollar,
    Amp,
    ParenL,
    ParenR,
    Dot,
    Spread,
    Colon,
    Equals,
    At,
    BracketL,
    BracketR,
    BraceL,
    Pipe,
    BraceR,
    Name,
    Int,
    Float,
    String,
    BlockString,
    Comment,
}

/// <summary>
/// One token: its kind, the range [Start, End) of Source.Body it covers, and for names,
/// numbers, strings and comments its value (strings after escapes and block-string dedent).
/// A struct: the lexer hands tokens out without allocating.
/// </summary>
public readonly record struct Token(TokenKind Kind, int Start, int End, string? Value = null)
{
    /// <summary>How graphql-js names a token kind in messages: punctuators quoted, others by name.</summary>
    public static string KindDescription(TokenKind kind) => kind switch
    {
        TokenKind.SOF => "<SOF>",
        TokenKind.EOF => "<EOF>",
        TokenKind.Bang => "\"!\"",
        TokenKind.Dollar => "\"$\"",
        TokenKind.Amp => "\"&\"",
        TokenKind.ParenL => "\"(\"",
        TokenKind.ParenR => "\")\"",
        TokenKind.Dot => "\".\"",
        TokenKind.Spread => "\"...\"",
        TokenKind.Colon => "\":\"",
        TokenKind.Equals => "\"=\"",
        TokenKind.At => "\"@\"",
        TokenKind.BracketL => "\"[\"",
        TokenKind.BracketR => "\"]\"",
        TokenKind.BraceL => "\"{\"",
        TokenKind.Pipe => "\"|\"",
        TokenKind.BraceR => "\"}\"",
        TokenKind.Name => "Name",
        TokenKind.Int => "Int",
        TokenKind.Float => "Float",
        TokenKind.String => "String",
        TokenKind.BlockString => "BlockString",
        TokenKind.Comment => "Comment",
        _ => kind.ToString(),
    };

    /// <summary>The token as graphql-js describes it in "Expected X, found Y." messages.</summary>
    public string Description => Value is null ? KindDescription(Kind) : $"{KindDescription(Kind)} \"{Value}\"";
}
