using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Transparency.GraphQL.Http;

/// <summary>The media types of GraphQL over HTTP and the choice between them.</summary>
public static class MediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The Content-Type headers of responses: the media type and its (only) encoding.</summary>
    public const string GraphQLResponseJsonUtf8 = GraphQLResponseJson + "; charset=utf-8";

    public const string JsonUtf8 = Json + "; charset=utf-8";

    /// <summary>
    /// The response media type for an Accept header (GraphQL over HTTP, "Accept"; "Legacy
    /// Watershed"): the acceptable type of highest quality, graphql-response+json winning a tie
    /// with application/json. A wildcard (<c>*/*</c>, <c>application/*</c>) and a missing Accept
    /// header get application/json, which every client before the watershed understands. (Since
    /// the watershed the spec suggests graphql-response+json for a missing header; graphql-http's
    /// audit still expects application/json, and so do the clients that send none.) A charset
    /// other than utf-8 is not acceptable. Null when nothing acceptable is offered (406).
    /// </summary>
    public static string? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept))
        {
            return Json;
        }

        // What clients send nearly always, answered without parsing.
        if (accept.Count == 1)
        {
            switch (accept[0])
            {
                case GraphQLResponseJson:
                    return GraphQLResponseJson;
                case Json or "*/*":
                    return Json;
            }
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var offered) || offered.Count == 0)
        {
            return null;
        }

        string? best = null;
        var bestQuality = 0.0;
        var bestRank = int.MaxValue;
        foreach (var item in offered)
        {
            var charset = item.Charset;
            if (charset.HasValue && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var (type, rank) = item.MediaType.Value?.ToLowerInvariant() switch
            {
                GraphQLResponseJson => (GraphQLResponseJson, 0),
                Json => (Json, 1),
                "application/*" or "*/*" => (Json, 2),
                _ => ((string?)null, int.MaxValue),
            };
            var quality = item.Quality ?? 1.0;
            if (type is null || quality <= 0)
            {
                continue;
            }

            if (quality > bestQuality || (quality.Equals(bestQuality) && rank < bestRank))
            {
                best = type;
                bestQuality = quality;
                bestRank = rank;
            }
        }

        return best;
    }

    /// <summary>Whether a request body's Content-Type is JSON in UTF-8 (the only encoding the spec allows).</summary>
    public static bool IsJsonRequest(string? contentType)
    {
        // What clients send nearly always, answered without parsing.
        if (string.Equals(contentType, Json, StringComparison.OrdinalIgnoreCase)
            || string.Equals(contentType, JsonUtf8, StringComparison.OrdinalIgnoreCase)
            || string.Equals(contentType, "application/json;charset=utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        var charset = parsed.Charset;
        return parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
            && (!charset.HasValue || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }
}
