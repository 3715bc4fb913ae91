using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Transparency.GraphQL.Utilities;

/// <summary>
/// Renders a CLR value the way graphql-js's jsutils/inspect renders a JavaScript one, since
/// error messages embed it: strings JSON-quoted, numbers as JavaScript prints them, lists as
/// <c>[1, 2]</c>, objects as <c>{ a: 1 }</c>.
/// </summary>
public static class Inspect
{
    private const int MaxArrayLength = 10;
    private const int MaxRecursiveDepth = 2;

    public static string Value(object? value) => Format(value, 0);

    private static string Format(object? value, int depth)
    {
        switch (value)
        {
            case null:
                return "null";
            case string s:
                return JsonString(s);
            case bool b:
                return b ? "true" : "false";
            case double d:
                return JsNumber(d);
            case float f:
                return JsNumber(f);
            case decimal m:
                return m.ToString(CultureInfo.InvariantCulture);
            case int or long or short or byte or sbyte or ushort or uint or ulong or System.Numerics.BigInteger:
                return Convert.ToString(value, CultureInfo.InvariantCulture)!;
            case Enum e:
                return JsonString(e.ToString());
            case JsonElement json:
                return FormatJson(json, depth);
            case IDictionary dictionary:
                return FormatEntries(dictionary.Keys.Cast<object>().Select(k => (k.ToString()!, dictionary[k])).ToList(), depth);
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                return FormatEntries(pairs.Select(p => (p.Key, p.Value)).ToList(), depth);
            case IEnumerable list:
                return FormatList(list.Cast<object?>().ToList(), depth);
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "[object]";
        }
    }

    private static string FormatJson(JsonElement json, int depth) => json.ValueKind switch
    {
        JsonValueKind.String => JsonString(JsonValues.Text(json)),
        JsonValueKind.Number => json.TryGetDouble(out var d) ? JsNumber(d) : json.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => "null",
        JsonValueKind.Array => FormatList(json.EnumerateArray().Select(e => (object?)e).ToList(), depth),
        _ => FormatEntries(json.EnumerateObject().Select(p => (JsonValues.Name(p), (object?)p.Value)).ToList(), depth),
    };

    private static string FormatEntries(List<(string Key, object? Value)> entries, int depth)
    {
        if (entries.Count == 0)
        {
            return "{}";
        }

        if (depth >= MaxRecursiveDepth)
        {
            return "[Object]";
        }

        return "{ " + string.Join(", ", entries.Select(e => e.Key + ": " + Format(e.Value, depth + 1))) + " }";
    }

    private static string FormatList(List<object?> items, int depth)
    {
        if (items.Count == 0)
        {
            return "[]";
        }

        if (depth >= MaxRecursiveDepth)
        {
            return "[Array]";
        }

        var shown = items.Take(MaxArrayLength).Select(i => Format(i, depth + 1)).ToList();
        var remaining = items.Count - shown.Count;
        if (remaining == 1)
        {
            shown.Add("... 1 more item");
        }
        else if (remaining > 1)
        {
            shown.Add($"... {remaining} more items");
        }

        return "[" + string.Join(", ", shown) + "]";
    }

    /// <summary>JSON.stringify of a string.</summary>
    public static string JsonString(string value) => JsonSerializer.Serialize(value, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// A double as JavaScript's Number#toString prints it: shortest round-trip digits, plain
    /// notation for exponents from -7 to 20, else <c>1e+21</c> style.
    /// </summary>
    public static string JsNumber(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        var roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = roundTrip.StartsWith('-');
        if (negative)
        {
            roundTrip = roundTrip[1..];
        }

        // Split the round-trip text into its significant digits and a decimal exponent n, where
        // value = 0.d1d2d3... x 10^n (ECMA-262 Number::toString's k digits and n).
        var exponentIndex = roundTrip.IndexOfAny(['E', 'e']);
        var mantissa = exponentIndex < 0 ? roundTrip : roundTrip[..exponentIndex];
        var exponent = exponentIndex < 0 ? 0 : int.Parse(roundTrip[(exponentIndex + 1)..], CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var fracPart = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;
        var n = intPart.Length + exponent - leadingZeros;
        digits = digits.TrimEnd('0');
        var k = digits.Length;

        var text = new StringBuilder();
        if (negative)
        {
            text.Append('-');
        }

        if (k <= n && n <= 21)
        {
            text.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            text.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            text.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            text.Append(digits[0]);
            if (k > 1)
            {
                text.Append('.').Append(digits, 1, k - 1);
            }

            text.Append('e').Append(e >= 0 ? "+" : "-").Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
