using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Transparency.GraphQL.Tests.Fuzz;

/// <summary>
/// Turns a seed document into a damaged one: bytes and tokens deleted, duplicated, swapped,
/// replaced; two documents spliced; nesting made deep; numbers made huge; strings given bad
/// escapes and stray surrogates. Everything comes from the Random handed in, so a document is
/// reproduced by its seed.
/// </summary>
internal static partial class DocumentMutator
{
    /// <summary>Tokens worth inserting: punctuators, keywords, and values lexers get wrong.</summary>
    private static readonly string[] Nasty =
    [
        "{", "}", "(", ")", "[", "]", ":", "!", "$", "@", "=", "|", "&", "...", "..", ".", ",",
        "query", "mutation", "subscription", "fragment", "on", "true", "false", "null", "__typename",
        "__schema { types { name } }", "__type(name: \"Dog\") { name fields { name } }",
        "@include(if: true)", "@skip(if: $v)", "@defer", "@stream(initialCount: 1)", "@oneOf", "@deprecated",
        "0", "-0", "007", "1.", ".5", "1e", "1e400", "-1e400", "2147483648", "-2147483649",
        "9223372036854775808", "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.0",
        "1.7976931348623157e309", "4.9e-325", "0x10", "1_000", "NaN", "Infinity",
        "\"\"", "\"unterminated", "\"\\u{110000}\"", "\"\\uD800\"", "\"\\uDC00\\uD800\"", "\"\\u{D800}\"", "\"\\uZZZZ\"",
        "\"\\u{}\"", "\"\\u{FFFFFFFFFF}\"", "\"\\x41\"", "\"\\", "\"\\u12\"", "\"\ud83d\"", "\"\u0000\"", "\"\u0007\"",
        "\"\"\"", "\"\"\"block \\\"\"\" \"\"\"", "\"\"\"\n  \n\"\"\"", "# comment", "#", "\ufeff", "\u00a0", "\u2028",
        "\t", "\r", "\r\n", "\u0000", "\ud800", "\udfff", "é", "名", "$v", "$", "$1", "{a:{b:{c:1}}}", "[1,[2,[3]]]",
        "ENUM_VALUE", "DOG", "SIT", "input", "type", "schema", "extend", "directive", "scalar", "interface", "union", "enum",
    ];

    [GeneratedRegex("\"\"\"(?:\\\\\"\"\"|[\\s\\S])*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|#[^\\n]*|\\.\\.\\.|[!$&()\\[\\]{}:=@|]|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|[_A-Za-z][_0-9A-Za-z]*|\\s+|.", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    public static string Mutate(Random random, string document, IReadOnlyList<string> others, IReadOnlyList<string> names)
    {
        // Mostly one change, so that many documents still parse and reach validation.
        var rounds = random.Next(3) == 0 ? 2 + random.Next(3) : 1;
        for (var round = 0; round < rounds; round++)
        {
            document = random.Next(14) switch
            {
                0 => DeleteBytes(random, document),
                1 => DuplicateBytes(random, document),
                2 => SwapBytes(random, document),
                3 => Splice(random, document, others[random.Next(others.Count)]),
                4 => InsertText(random, document, Nasty[random.Next(Nasty.Length)]),
                5 => InsertText(random, document, " " + names[random.Next(names.Count)] + " "),
                6 => OnTokens(random, document, DeleteToken),
                7 => OnTokens(random, document, DuplicateToken),
                8 => OnTokens(random, document, SwapTokens),
                9 => OnTokens(random, document, (r, tokens) => ReplaceToken(r, tokens, names)),
                10 => DeepNesting(random, document),
                11 => HugeNumbers(random, document),
                12 => BadStrings(random, document),
                _ => FlipChar(random, document),
            };
        }

        return document;
    }

    private static string DeleteBytes(Random random, string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var start = random.Next(text.Length);
        var length = Math.Min(text.Length - start, 1 + random.Next(random.Next(2) == 0 ? 3 : 40));
        return text.Remove(start, length);
    }

    private static string DuplicateBytes(Random random, string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var start = random.Next(text.Length);
        var length = Math.Min(text.Length - start, 1 + random.Next(60));
        var copies = random.Next(10) == 0 ? 2 + random.Next(50) : 1;
        var piece = text.Substring(start, length);
        return text.Insert(random.Next(text.Length + 1), string.Concat(Enumerable.Repeat(piece, copies)));
    }

    private static string SwapBytes(Random random, string text)
    {
        if (text.Length < 4)
        {
            return text;
        }

        var a = random.Next(text.Length / 2);
        var b = text.Length / 2 + random.Next(text.Length / 2);
        var lengthA = Math.Min(1 + random.Next(20), text.Length / 2 - a);
        var lengthB = Math.Min(1 + random.Next(20), text.Length - b);
        return text[..a] + text.Substring(b, lengthB) + text[(a + lengthA)..b] + text.Substring(a, lengthA) + text[(b + lengthB)..];
    }

    private static string Splice(Random random, string text, string other) =>
        text[..random.Next(text.Length + 1)] + other[random.Next(other.Length + 1)..];

    private static string InsertText(Random random, string text, string inserted) =>
        text.Insert(random.Next(text.Length + 1), inserted);

    private static string FlipChar(Random random, string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        var at = random.Next(chars.Length);
        chars[at] = random.Next(4) switch
        {
            0 => (char)random.Next(0x20),
            1 => (char)random.Next(0x20, 0x7F),
            2 => (char)random.Next(0xD800, 0xE000),
            _ => (char)random.Next(0x80, 0x10000),
        };
        return new string(chars);
    }

    private static string OnTokens(Random random, string text, Action<Random, List<string>> change)
    {
        var tokens = TokenPattern().Matches(text).Select(m => m.Value).ToList();
        if (tokens.Count < 2)
        {
            return text;
        }

        change(random, tokens);
        return string.Concat(tokens);
    }

    // Whitespace stays: token operations work on the tokens between it.
    private static int PickToken(Random random, List<string> tokens)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var at = random.Next(tokens.Count);
            if (!string.IsNullOrWhiteSpace(tokens[at]))
            {
                return at;
            }
        }

        return random.Next(tokens.Count);
    }

    private static void DeleteToken(Random random, List<string> tokens) => tokens.RemoveAt(PickToken(random, tokens));

    private static void DuplicateToken(Random random, List<string> tokens)
    {
        var at = PickToken(random, tokens);
        tokens.Insert(at, tokens[at] + " ");
    }

    private static void SwapTokens(Random random, List<string> tokens)
    {
        var a = PickToken(random, tokens);
        var b = PickToken(random, tokens);
        (tokens[a], tokens[b]) = (tokens[b], tokens[a]);
    }

    private static void ReplaceToken(Random random, List<string> tokens, IReadOnlyList<string> names) =>
        tokens[PickToken(random, tokens)] = random.Next(2) == 0 ? names[random.Next(names.Count)] : Nasty[random.Next(Nasty.Length)];

    // Nesting near and past the parser's depth limit, in selections, lists, objects and fragments.
    private static string DeepNesting(Random random, string text)
    {
        var depth = random.Next(3) switch
        {
            0 => random.Next(1, 40),
            1 => random.Next(200, 300),
            _ => random.Next(300, 3000),
        };
        string nested = random.Next(6) switch
        {
            0 => Repeat("a { ", depth) + "b" + Repeat(" }", depth),
            1 => "f(x: " + Repeat("[", depth) + "1" + Repeat("]", depth) + ")",
            2 => "f(x: " + Repeat("{a: ", depth) + "1" + Repeat("}", depth) + ")",
            3 => Repeat("... on Dog { ", depth) + "name" + Repeat(" }", depth),
            4 => Repeat("... { ", depth) + "__typename" + Repeat(" }", depth),
            _ => Repeat("dog { mother { ", depth / 2) + "name" + Repeat(" } }", depth / 2),
        };

        if (random.Next(4) == 0)
        {
            // A chain of fragments, each spreading the next. Field merging compares each with
            // all those after it (as graphql-js does), so long chains are kept rare: a chain as
            // long as the token limit allows costs about a second.
            var length = random.Next(5) == 0 ? random.Next(100, 300) : random.Next(1, 40);
            var chain = new StringBuilder("{ ...F0 }\n");
            for (var i = 0; i < length; i++)
            {
                chain.Append(CultureInfo.InvariantCulture, $"fragment F{i} on QueryRoot {{ __typename ...F{i + 1} }}\n");
            }

            return text + "\n" + chain;
        }

        var brace = text.IndexOf('{', StringComparison.Ordinal);
        return brace < 0 ? "{ " + nested + " }" : text.Insert(brace + 1, " " + nested + " ");
    }

    private static string HugeNumbers(Random random, string text)
    {
        var huge = random.Next(5) switch
        {
            0 => "9" + Repeat("9", random.Next(10, 400)),
            1 => "-" + Repeat("9", random.Next(10, 40)),
            2 => "1e" + random.Next(300, 100000).ToString(CultureInfo.InvariantCulture),
            3 => "0." + Repeat("0", random.Next(300, 400)) + "1",
            _ => Repeat("1", random.Next(1, 30)) + "." + Repeat("5", random.Next(1, 30)) + "e-" + random.Next(300, 400).ToString(CultureInfo.InvariantCulture),
        };
        var numbers = NumberPattern().Matches(text);
        if (numbers.Count == 0)
        {
            return InsertText(random, text, " " + huge + " ");
        }

        var match = numbers[random.Next(numbers.Count)];
        return string.Concat(text.AsSpan(0, match.Index), huge, text.AsSpan(match.Index + match.Length));
    }

    [GeneratedRegex("-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    private static string BadStrings(Random random, string text)
    {
        var bad = random.Next(8) switch
        {
            0 => "\"\\u{" + random.Next(0x10FFFF, int.MaxValue).ToString("X", CultureInfo.InvariantCulture) + "}\"",
            1 => "\"\\u" + random.Next(0xD800, 0xE000).ToString("X4", CultureInfo.InvariantCulture) + "\"",
            2 => "\"\\u{" + random.Next(0xD800, 0xE000).ToString("X", CultureInfo.InvariantCulture) + "}\\u{DC00}\"",
            3 => "\"" + (char)random.Next(0xD800, 0xE000) + "\"",
            4 => "\"\"\"" + Repeat("\\\"\"\"", random.Next(1, 5)) + (char)random.Next(0x20) + "\"\"\"",
            5 => "\"" + Repeat("\\u00", random.Next(1, 4)),
            6 => "\"\\u{" + Repeat("0", random.Next(1, 40)) + "41}\"",
            _ => "\"" + Repeat("\\\\", random.Next(1, 8)) + "\\" + (char)random.Next(0x20, 0x7F) + "\"",
        };
        var strings = StringPattern().Matches(text);
        if (strings.Count == 0 || random.Next(3) == 0)
        {
            return InsertText(random, text, bad);
        }

        var match = strings[random.Next(strings.Count)];
        return string.Concat(text.AsSpan(0, match.Index), bad, text.AsSpan(match.Index + match.Length));
    }

    [GeneratedRegex("\"(?:\\\\.|[^\"\\\\\\n])*\"", RegexOptions.CultureInvariant)]
    private static partial Regex StringPattern();

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
