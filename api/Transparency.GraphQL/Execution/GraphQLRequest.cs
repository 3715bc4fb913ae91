using System.Text.Json;
using Transparency.GraphQL.Utilities;

namespace Transparency.GraphQL.Execution;

/// <summary>
/// A GraphQL request (GraphQL over HTTP, "Request Parameters"): the document text, the name of
/// the operation to run, variable values and extensions. Variable values may be plain CLR values
/// (in-process callers) or <see cref="JsonElement"/>s (straight from an HTTP body); input
/// coercion accepts both, so nothing is converted twice.
/// </summary>
public sealed record GraphQLRequest
{
    public GraphQLRequest()
    {
    }

    public GraphQLRequest(string? query, IReadOnlyDictionary<string, object?>? variables = null, string? operationName = null)
    {
        Query = query;
        Variables = variables;
        OperationName = operationName;
    }

    /// <summary>The document text. Null when a persisted-query hash stands in for it.</summary>
    public string? Query { get; init; }

    public string? OperationName { get; init; }

    /// <summary>Raw variable values by name; values are CLR values or JsonElements.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>Request extensions (e.g. persistedQuery); values are CLR values or JsonElements.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>
    /// Reads a request from a JSON object <c>{"query", "operationName", "variables", "extensions"}</c>.
    /// Throws <see cref="GraphQLRequestException"/> when a member has the wrong JSON type, with the
    /// message GraphQL over HTTP servers conventionally answer with.
    /// </summary>
    public static GraphQLRequest FromJson(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new GraphQLRequestException("Request body must be a JSON object.");
        }

        string? query = null;
        string? operationName = null;
        IReadOnlyDictionary<string, object?>? variables = null;
        IReadOnlyDictionary<string, object?>? extensions = null;
        foreach (var member in body.EnumerateObject())
        {
            switch (JsonValues.Name(member))
            {
                case "query":
                    query = ReadString(member.Value, "query");
                    break;
                case "operationName":
                    operationName = ReadString(member.Value, "operationName");
                    break;
                case "variables":
                    variables = ReadObject(member.Value, "variables");
                    break;
                case "extensions":
                    extensions = ReadObject(member.Value, "extensions");
                    break;
            }
        }

        return new GraphQLRequest { Query = query, OperationName = operationName, Variables = variables, Extensions = extensions };
    }

    /// <summary>A JSON object as a dictionary of its members (values stay JsonElements); null for JSON null.</summary>
    public static IReadOnlyDictionary<string, object?>? ReadObject(JsonElement value, string parameter)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new GraphQLRequestException($"The \"{parameter}\" parameter must be an object.");
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            result[JsonValues.Name(member)] = member.Value.ValueKind == JsonValueKind.Null ? null : member.Value;
        }

        return result;
    }

    private static string? ReadString(JsonElement value, string parameter) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => JsonValues.Text(value),
        _ => throw new GraphQLRequestException($"The \"{parameter}\" parameter must be a string."),
    };
}

/// <summary>A request that is not a well-formed GraphQL request (before any parsing of the document).</summary>
public sealed class GraphQLRequestException : Exception
{
    public GraphQLRequestException()
    {
    }

    public GraphQLRequestException(string message)
        : base(message)
    {
    }

    public GraphQLRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
