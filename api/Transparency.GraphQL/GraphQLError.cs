using System.Text.Json;
using Transparency.GraphQL.Language;

namespace Transparency.GraphQL;

/// <summary>
/// An error as the spec's response format describes it (Section 7.1.2, "Errors"): a message,
/// the locations in the document it concerns, the response path of the field that raised it,
/// and extensions (always including "code" when the engine knows one). Thrown by the parser,
/// collected by validation and execution.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "GraphQLError is the name every GraphQL engine and the spec use.")]
public sealed class GraphQLError : Exception
{
    public GraphQLError(
        string message,
        IReadOnlyList<Node>? nodes = null,
        Source? source = null,
        IReadOnlyList<int>? positions = null,
        IReadOnlyList<object>? path = null,
        Exception? originalError = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
        : base(message, originalError)
    {
        Nodes = nodes is { Count: > 0 } ? nodes : null;
        Path = path;
        OriginalError = originalError;
        Extensions = extensions ?? (originalError as GraphQLError)?.Extensions;

        // Like graphql-js: explicit positions in a source win; otherwise the nodes' locations.
        if (source is not null && positions is { Count: > 0 })
        {
            DocumentSource = source;
            Positions = positions;
            Locations = positions.Select(source.GetLocation).ToArray();
        }
        else if (Nodes is not null)
        {
            var located = Nodes.Where(n => n.Loc is not null).Select(n => n.Loc!.Value).ToArray();
            if (located.Length > 0)
            {
                DocumentSource = located[0].Source;
                Positions = located.Select(l => l.Start).ToArray();
                Locations = located.Select(l => l.StartLocation).ToArray();
            }
        }
    }

    public GraphQLError()
        : this("GraphQL error")
    {
    }

    public GraphQLError(string message)
        : this(message, nodes: null)
    {
    }

    public GraphQLError(string message, Exception innerException)
        : this(message, nodes: null, originalError: innerException)
    {
    }

    /// <summary>The AST nodes the error concerns, if any.</summary>
    public IReadOnlyList<Node>? Nodes { get; }

    /// <summary>The document the positions refer to (graphql-js's error.source; Exception.Source is taken).</summary>
    public Source? DocumentSource { get; }

    /// <summary>Character offsets into Source.Body, one per location.</summary>
    public IReadOnlyList<int>? Positions { get; }

    /// <summary>1-based line/column of each position; null when nothing is located.</summary>
    public IReadOnlyList<SourceLocation>? Locations { get; }

    /// <summary>Response path: field names (string) and list indices (int).</summary>
    public IReadOnlyList<object>? Path { get; }

    public Exception? OriginalError { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>extensions.code, if set.</summary>
    public string? Code => Extensions is not null && Extensions.TryGetValue("code", out var c) ? c as string : null;

    /// <summary>A copy with the response path set (execution adds it when the error reaches a field).</summary>
    public GraphQLError WithPath(IReadOnlyList<object> path) =>
        new(Message, Nodes, DocumentSource, Positions, path, OriginalError, Extensions);

    /// <summary>Writes the error in the spec's JSON shape: message, locations, path, extensions.</summary>
    public void WriteTo(Utf8JsonWriter writer, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("message", Message);
        if (Locations is { Count: > 0 })
        {
            writer.WritePropertyName("locations");
            writer.WriteStartArray();
            foreach (var location in Locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", location.Line);
                writer.WriteNumber("column", location.Column);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (Path is not null)
        {
            writer.WritePropertyName("path");
            writer.WriteStartArray();
            foreach (var segment in Path)
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

        if (Extensions is { Count: > 0 })
        {
            writer.WritePropertyName("extensions");
            JsonSerializer.Serialize(writer, Extensions, options);
        }

        writer.WriteEndObject();
    }

    /// <summary>The error as a JSON object string.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>graphql-js's printError: the message, then each location with the source line.</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder(Message);
        if (DocumentSource is not null && Locations is not null)
        {
            foreach (var location in Locations)
            {
                text.Append("\n\n").Append(DocumentSource.Name).Append(':').Append(location.Line).Append(':').Append(location.Column);
            }
        }

        return text.ToString();
    }
}
