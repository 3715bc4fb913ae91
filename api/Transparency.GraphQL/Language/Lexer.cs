using System.Globalization;
using System.Text;

namespace Transparency.GraphQL.Language;

/// <summary>
/// Turns a source into tokens on demand (spec Section 2.1, "Source Text" and "Lexical Tokens").
/// Works on the body string by index; the only allocations are the values the AST keeps.
/// Comments are read and skipped, as graphql-js's Lexer.advance does. Error messages are
/// worded as graphql-js 17 words them.
/// </summary>
public sealed class Lexer
{
    private readonly string _body;
    private Token? _lookahead;
    private StringBuilder? _buffer;
    private int _commentCount;

    public Lexer(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
        _body = source.Body;
        Token = new Token(TokenKind.SOF, 0, 0);
        LastToken = Token;
    }

    public Source Source { get; }

    /// <summary>The current token; SOF before the first Advance.</summary>
    public Token Token { get; private set; }

    /// <summary>The token before the current one (a node's location ends there).</summary>
    public Token LastToken { get; private set; }

    /// <summary>When set, more comments than this is a syntax error (graphql-js's maxComments).</summary>
    public int? MaxComments { get; init; }

    /// <summary>
    /// Schema coordinates (Section 3.17) are lexed with no ignored tokens and only the
    /// punctuators . ( ) : @, so "Type . field" is not a coordinate.
    /// </summary>
    internal bool SchemaCoordinateMode { get; set; }

    /// <summary>Moves to the next non-comment token and returns it. EOF repeats at the end.</summary>
    public Token Advance()
    {
        LastToken = Token;
        Token = Lookahead();
        _lookahead = null;
        return Token;
    }

    /// <summary>The token after the current one, without moving.</summary>
    public Token Lookahead()
    {
        if (_lookahead is { } cached)
        {
            return cached;
        }

        var next = Token.Kind == TokenKind.EOF ? Token
            : SchemaCoordinateMode ? ReadCoordinateToken(Token.End)
            : ReadToken(Token.End);
        _lookahead = next;
        return next;
    }

    private GraphQLError SyntaxError(int position, string description) =>
        SyntaxErrors.Create(Source, position, description);

    private Token ReadToken(int position)
    {
        var body = _body;
        while (position < body.Length)
        {
            var code = body[position];
            switch (code)
            {
                // Ignored tokens (Section 2.1.2 - 2.1.5): BOM, whitespace, line terminators, commas.
                case '\uFEFF':
                case '\t':
                case ' ':
                case ',':
                case '\n':
                case '\r':
                    position++;
                    continue;
                case '#':
                    position = SkipComment(position);
                    continue;
                case '!':
                    return new Token(TokenKind.Bang, position, position + 1);
                case '$':
                    return new Token(TokenKind.Dollar, position, position + 1);
                case '&':
                    return new Token(TokenKind.Amp, position, position + 1);
                case '(':
                    return new Token(TokenKind.ParenL, position, position + 1);
                case ')':
                    return new Token(TokenKind.ParenR, position, position + 1);
                case '.':
                    return ReadDots(position);
                case ':':
                    return new Token(TokenKind.Colon, position, position + 1);
                case '=':
                    return new Token(TokenKind.Equals, position, position + 1);
                case '@':
                    return new Token(TokenKind.At, position, position + 1);
                case '[':
                    return new Token(TokenKind.BracketL, position, position + 1);
                case ']':
                    return new Token(TokenKind.BracketR, position, position + 1);
                case '{':
                    return new Token(TokenKind.BraceL, position, position + 1);
                case '|':
                    return new Token(TokenKind.Pipe, position, position + 1);
                case '}':
                    return new Token(TokenKind.BraceR, position, position + 1);
                case '"':
                    return CharAt(position + 1) == '"' && CharAt(position + 2) == '"'
                        ? ReadBlockString(position)
                        : ReadString(position);
            }

            if (CharClasses.IsDigit(code) || code == '-')
            {
                return ReadNumber(position);
            }

            if (CharClasses.IsNameStart(code))
            {
                return ReadName(position);
            }

            throw SyntaxError(position, code == '\''
                ? "Unexpected single quote character ('), did you mean to use a double quote (\")?"
                : IsUnicodeScalarValue(code) || IsSupplementaryCodePoint(position)
                    ? $"Unexpected character: {PrintCodePointAt(position)}."
                    : $"Invalid character: {PrintCodePointAt(position)}.");
        }

        return new Token(TokenKind.EOF, body.Length, body.Length);
    }

    private Token ReadCoordinateToken(int position)
    {
        if (position >= _body.Length)
        {
            return new Token(TokenKind.EOF, _body.Length, _body.Length);
        }

        var code = _body[position];
        return code switch
        {
            '.' => new Token(TokenKind.Dot, position, position + 1),
            '(' => new Token(TokenKind.ParenL, position, position + 1),
            ')' => new Token(TokenKind.ParenR, position, position + 1),
            ':' => new Token(TokenKind.Colon, position, position + 1),
            '@' => new Token(TokenKind.At, position, position + 1),
            _ when CharClasses.IsNameStart(code) => ReadName(position),
            _ => throw SyntaxError(position, $"Invalid character: {PrintCodePointAt(position)}."),
        };
    }

    // -1 past the end, like charCodeAt's NaN: never equal to a character we test for.
    private int CharAt(int position) => position < _body.Length ? _body[position] : -1;

    private Token ReadDots(int position)
    {
        var next = CharAt(position + 1);
        if (next == '.' && CharAt(position + 2) == '.')
        {
            return new Token(TokenKind.Spread, position, position + 3);
        }

        if (next == '.')
        {
            throw SyntaxError(position, "Unexpected \"..\", did you mean \"...\"?");
        }

        if (CharClasses.IsDigit(next))
        {
            var end = ReadDigits(position + 1, next);
            throw SyntaxError(position, $"Invalid number, expected digit before \".\", did you mean \"0.{_body[(position + 1)..end]}\"?");
        }

        throw SyntaxError(position, "Unexpected character: \".\".");
    }

    // Comment :: # CommentChar* (Section 2.1.4); the value is never needed by the parser.
    private int SkipComment(int start)
    {
        if (MaxComments is { } max && ++_commentCount > max)
        {
            throw SyntaxError(start, $"Document contains more than {max} comments. Parsing aborted.");
        }

        var position = start + 1;
        while (position < _body.Length)
        {
            var code = _body[position];
            if (code is '\n' or '\r')
            {
                break;
            }

            if (IsUnicodeScalarValue(code))
            {
                position++;
            }
            else if (IsSupplementaryCodePoint(position))
            {
                position += 2;
            }
            else
            {
                break;
            }
        }

        return position;
    }

    private Token ReadName(int start)
    {
        var position = start + 1;
        while (position < _body.Length && CharClasses.IsNameContinue(_body[position]))
        {
            position++;
        }

        return new Token(TokenKind.Name, start, position, _body[start..position]);
    }

    // IntValue and FloatValue (Section 2.9.1, 2.9.2), including the lookahead restrictions:
    // no leading zeros, and no digit, "." or NameStart right after a number.
    private Token ReadNumber(int start)
    {
        var position = start;
        var code = CharAt(position);
        var isFloat = false;

        if (code == '-')
        {
            code = CharAt(++position);
        }

        if (code == '0')
        {
            code = CharAt(++position);
            if (CharClasses.IsDigit(code))
            {
                throw SyntaxError(position, $"Invalid number, unexpected digit after 0: {PrintCodePointAt(position)}.");
            }
        }
        else
        {
            position = ReadDigits(position, code);
            code = CharAt(position);
        }

        if (code == '.')
        {
            isFloat = true;
            code = CharAt(++position);
            position = ReadDigits(position, code);
            code = CharAt(position);
        }

        if (code is 'E' or 'e')
        {
            isFloat = true;
            code = CharAt(++position);
            if (code is '+' or '-')
            {
                code = CharAt(++position);
            }

            position = ReadDigits(position, code);
            code = CharAt(position);
        }

        if (code == '.' || CharClasses.IsNameStart(code))
        {
            throw SyntaxError(position, $"Invalid number, expected digit but got: {PrintCodePointAt(position)}.");
        }

        return new Token(isFloat ? TokenKind.Float : TokenKind.Int, start, position, _body[start..position]);
    }

    private int ReadDigits(int start, int firstCode)
    {
        if (!CharClasses.IsDigit(firstCode))
        {
            throw SyntaxError(start, $"Invalid number, expected digit but got: {PrintCodePointAt(start)}.");
        }

        var position = start + 1;
        while (CharClasses.IsDigit(CharAt(position)))
        {
            position++;
        }

        return position;
    }

    // StringValue (Section 2.9.4). The common case, no escapes, is one Substring.
    private Token ReadString(int start)
    {
        var body = _body;
        var position = start + 1;
        var chunkStart = position;
        StringBuilder? value = null;

        while (position < body.Length)
        {
            var code = body[position];
            if (code == '"')
            {
                string text;
                if (value is null)
                {
                    text = body[chunkStart..position];
                }
                else
                {
                    text = value.Append(body, chunkStart, position - chunkStart).ToString();
                }

                return new Token(TokenKind.String, start, position + 1, text);
            }

            if (code == '\\')
            {
                value ??= RentBuffer();
                value.Append(body, chunkStart, position - chunkStart);
                var size = CharAt(position + 1) == 'u'
                    ? CharAt(position + 2) == '{'
                        ? ReadEscapedUnicodeVariableWidth(position, value)
                        : ReadEscapedUnicodeFixedWidth(position, value)
                    : ReadEscapedCharacter(position, value);
                position += size;
                chunkStart = position;
                continue;
            }

            if (code is '\n' or '\r')
            {
                break;
            }

            if (IsUnicodeScalarValue(code))
            {
                position++;
            }
            else if (IsSupplementaryCodePoint(position))
            {
                position += 2;
            }
            else
            {
                throw SyntaxError(position, $"Invalid character within String: {PrintCodePointAt(position)}.");
            }
        }

        throw SyntaxError(position, "Unterminated string.");
    }

    private StringBuilder RentBuffer()
    {
        var buffer = _buffer ??= new StringBuilder();
        buffer.Clear();
        return buffer;
    }

    // \u{...}: up to 8 hex digits naming a Unicode scalar value (September 2025 edition).
    private int ReadEscapedUnicodeVariableWidth(int position, StringBuilder value)
    {
        var point = 0;
        var size = 3;
        while (size < 12)
        {
            var code = CharAt(position + size++);
            if (code == '}')
            {
                if (size < 5 || !IsUnicodeScalarValue(point))
                {
                    break;
                }

                AppendCodePoint(value, point);
                return size;
            }

            point = (point << 4) | ReadHexDigit(code);
            if (point < 0)
            {
                break;
            }
        }

        throw SyntaxError(position, $"Invalid Unicode escape sequence: \"{Slice(position, position + size)}\".");
    }

    // \uXXXX, where a leading surrogate must be followed by \uXXXX naming a trailing one.
    private int ReadEscapedUnicodeFixedWidth(int position, StringBuilder value)
    {
        var code = Read16BitHexCode(position + 2);
        if (IsUnicodeScalarValue(code))
        {
            value.Append((char)code);
            return 6;
        }

        if (IsLeadingSurrogate(code) && CharAt(position + 6) == '\\' && CharAt(position + 7) == 'u')
        {
            var trailing = Read16BitHexCode(position + 8);
            if (IsTrailingSurrogate(trailing))
            {
                value.Append((char)code).Append((char)trailing);
                return 12;
            }
        }

        throw SyntaxError(position, $"Invalid Unicode escape sequence: \"{Slice(position, position + 6)}\".");
    }

    private int ReadEscapedCharacter(int position, StringBuilder value)
    {
        char? escaped = CharAt(position + 1) switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => null,
        };
        if (escaped is null)
        {
            throw SyntaxError(position, $"Invalid character escape sequence: \"{Slice(position, position + 2)}\".");
        }

        value.Append(escaped.Value);
        return 2;
    }

    private int Read16BitHexCode(int position) =>
        (ReadHexDigit(CharAt(position)) << 12)
        | (ReadHexDigit(CharAt(position + 1)) << 8)
        | (ReadHexDigit(CharAt(position + 2)) << 4)
        | ReadHexDigit(CharAt(position + 3));

    // -1 for a non-hex character, which makes the combined code negative.
    private static int ReadHexDigit(int code) => code switch
    {
        >= '0' and <= '9' => code - '0',
        >= 'A' and <= 'F' => code - 'A' + 10,
        >= 'a' and <= 'f' => code - 'a' + 10,
        _ => -1,
    };

    // Block strings (Section 2.9.4, BlockStringValue()): raw lines, only \""" escaped, then dedented.
    private Token ReadBlockString(int start)
    {
        var body = _body;
        var position = start + 3;
        var chunkStart = position;
        var currentLine = RentBuffer();
        var lines = new List<string>();

        while (position < body.Length)
        {
            var code = body[position];
            if (code == '"' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                lines.Add(currentLine.ToString());
                return new Token(TokenKind.BlockString, start, position + 3, BlockString.DedentLines(lines));
            }

            if (code == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                chunkStart = position + 1;
                position += 4;
                continue;
            }

            if (code is '\n' or '\r')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                lines.Add(currentLine.ToString());
                currentLine.Clear();
                position += code == '\r' && CharAt(position + 1) == '\n' ? 2 : 1;
                chunkStart = position;
                continue;
            }

            if (IsUnicodeScalarValue(code))
            {
                position++;
            }
            else if (IsSupplementaryCodePoint(position))
            {
                position += 2;
            }
            else
            {
                throw SyntaxError(position, $"Invalid character within String: {PrintCodePointAt(position)}.");
            }
        }

        throw SyntaxError(position, "Unterminated string.");
    }

    private string Slice(int start, int end) => _body[start..Math.Min(end, _body.Length)];

    private static void AppendCodePoint(StringBuilder value, int point)
    {
        if (point < 0x10000)
        {
            value.Append((char)point);
        }
        else
        {
            var offset = point - 0x10000;
            value.Append((char)(0xD800 + (offset >> 10))).Append((char)(0xDC00 + (offset & 0x3FF)));
        }
    }

    private static bool IsUnicodeScalarValue(int code) => code is (>= 0x0000 and <= 0xD7FF) or (>= 0xE000 and <= 0x10FFFF);

    private static bool IsLeadingSurrogate(int code) => code is >= 0xD800 and <= 0xDBFF;

    private static bool IsTrailingSurrogate(int code) => code is >= 0xDC00 and <= 0xDFFF;

    private bool IsSupplementaryCodePoint(int position) =>
        IsLeadingSurrogate(CharAt(position)) && IsTrailingSurrogate(CharAt(position + 1));

    // How graphql-js shows a character in a message: printable ASCII quoted, else U+XXXX.
    private string PrintCodePointAt(int position)
    {
        if (position >= _body.Length)
        {
            return "<EOF>";
        }

        int code = IsSupplementaryCodePoint(position) ? char.ConvertToUtf32(_body[position], _body[position + 1]) : _body[position];
        if (code is >= 0x20 and <= 0x7E)
        {
            return code == '"' ? "'\"'" : $"\"{(char)code}\"";
        }

        return "U+" + code.ToString("X4", CultureInfo.InvariantCulture);
    }
}

/// <summary>Character classes of the lexical grammar (Section 2.1.6 and 2.1.9); ASCII only by design.</summary>
internal static class CharClasses
{
    public static bool IsWhiteSpace(int code) => code is '\t' or ' ';

    public static bool IsDigit(int code) => code is >= '0' and <= '9';

    public static bool IsLetter(int code) => code is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    public static bool IsNameStart(int code) => IsLetter(code) || code == '_';

    public static bool IsNameContinue(int code) => IsLetter(code) || IsDigit(code) || code == '_';
}

/// <summary>Syntax errors as graphql-js's syntaxError builds them.</summary>
internal static class SyntaxErrors
{
    public static GraphQLError Create(Source source, int position, string description) =>
        new($"Syntax Error: {description}", source: source, positions: [position], extensions: Code);

    // Engine-wide code for errors found while parsing; the HTTP layer answers 400 for them.
    private static readonly IReadOnlyDictionary<string, object?> Code =
        new Dictionary<string, object?> { ["code"] = "GRAPHQL_PARSE_FAILED" };
}
