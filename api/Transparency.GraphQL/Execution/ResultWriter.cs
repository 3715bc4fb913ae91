using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Transparency.GraphQL.Execution;

/// <summary>
/// Writes an ExecutionResult as JSON straight to a Utf8JsonWriter, stream or IBufferWriter, in the
/// spec's key order (Section 7.1: "errors" first when present, then "data", then "extensions";
/// each error as message, locations, path, extensions). No intermediate DOM or string.
/// </summary>
public static class ResultWriter
{
    // Relaxed escaping: a response is JSON, never inlined in HTML, so quotes are written as \" and
    // Chinese text as UTF-8 rather than \uXXXX (a third of the bytes, and readable).
    private static readonly JsonWriterOptions Compact = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Pretty = new() { Indented = true, SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writer options matching the ones the writer uses itself (for hosts that own the Utf8JsonWriter).</summary>
    public static JsonWriterOptions WriterOptions => Compact;

    public static void Write(Utf8JsonWriter writer, ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        if (result.Errors.Count > 0)
        {
            writer.WritePropertyName("errors");
            writer.WriteStartArray();
            foreach (var error in result.Errors)
            {
                WriteError(writer, error);
            }

            writer.WriteEndArray();
        }

        if (result.HasData)
        {
            writer.WritePropertyName("data");
            WriteValue(writer, result.Data);
        }

        if (result.Extensions is { Count: > 0 })
        {
            writer.WritePropertyName("extensions");
            WriteValue(writer, result.Extensions);
        }

        writer.WriteEndObject();
    }

    public static void Write(IBufferWriter<byte> output, ExecutionResult result, bool indented = false)
    {
        using var writer = new Utf8JsonWriter(output, indented ? Pretty : Compact);
        Write(writer, result);
    }

    public static async Task WriteAsync(Stream output, ExecutionResult result, CancellationToken cancellationToken = default)
    {
        await using var writer = new Utf8JsonWriter(output, Compact);
        Write(writer, result);
        await writer.FlushAsync(cancellationToken);
    }

    // One buffer per thread for ToJson, kept while it stays small: a response is built, copied
    // into its string and forgotten, so growing a new buffer for each (1, 2, 4 ... KiB) was most
    // of what ToJson allocated.
    private const int KeptBufferBytes = 256 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    public static string ToJson(ExecutionResult result, bool indented = false)
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(16 * 1024);
        t_buffer = null;
        try
        {
            Write(buffer, result, indented);
            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            if (buffer.Capacity <= KeptBufferBytes)
            {
                buffer.ResetWrittenCount();
                t_buffer = buffer;
            }
        }
    }

    // Response keys, escaped once: the objects of a list repeat the same key instances (the
    // executor's field groups), so a lookup by reference replaces escaping and transcoding each
    // time. Per thread and bounded, since each parsed document brings new instances.
    private const int KeptKeys = 4096;

    [ThreadStatic]
    private static Dictionary<string, JsonEncodedText>? t_keys;

    private static JsonEncodedText EncodedKey(string key)
    {
        var keys = t_keys ??= new Dictionary<string, JsonEncodedText>(ReferenceEqualityComparer.Instance);
        if (!keys.TryGetValue(key, out var encoded))
        {
            if (keys.Count >= KeptKeys)
            {
                keys.Clear();
            }

            encoded = JsonEncodedText.Encode(key, Compact.Encoder);
            keys.Add(key, encoded);
        }

        return encoded;
    }

    /// <summary>One error: message, locations, path, extensions (with "code" when the engine knows one).</summary>
    public static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(error);
        writer.WriteStartObject();
        writer.WriteString("message", error.Message);
        if (error.Locations is { Count: > 0 } locations)
        {
            writer.WritePropertyName("locations");
            writer.WriteStartArray();
            foreach (var location in locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", location.Line);
                writer.WriteNumber("column", location.Column);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (error.Path is { } path)
        {
            writer.WritePropertyName("path");
            writer.WriteStartArray();
            foreach (var segment in path)
            {
                if (segment is int index)
                {
                    writer.WriteNumberValue(index);
                }
                else
                {
                    writer.WriteStringValue(segment.ToString());
                }
            }

            writer.WriteEndArray();
        }

        if (error.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions");
            WriteValue(writer, extensions);
        }

        writer.WriteEndObject();
    }

    /// <summary>A response value: what the executor produces, plus common CLR values in extensions.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case ResultMap map:
                writer.WriteStartObject();
                for (var i = 0; i < map.Count; i++)
                {
                    writer.WritePropertyName(EncodedKey(map.KeyAt(i)));
                    WriteValue(writer, map.ValueAt(i));
                }

                writer.WriteEndObject();
                break;
            case object?[] list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case float f:
                writer.WriteNumberValue(f);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case short or byte or sbyte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong ul:
                writer.WriteNumberValue(ul);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                writer.WriteStartObject();
                foreach (var (key, item) in pairs)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType());
                break;
        }
    }
}
