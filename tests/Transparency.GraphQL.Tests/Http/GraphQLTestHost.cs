using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Http;

namespace Transparency.GraphQL.Tests.Http;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (a free port) serving one engine at /graphql, and an
/// HttpClient pointed at it: the tests see exactly what a client on the network would.
/// </summary>
internal sealed class GraphQLTestHost : IAsyncDisposable
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    private readonly WebApplication _app;

    private GraphQLTestHost(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
        Client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The endpoint's address, e.g. http://127.0.0.1:41234/graphql.</summary>
    public Uri Url { get; }

    public HttpClient Client { get; }

    public static async Task<GraphQLTestHost> StartAsync(GraphQLEngine engine, GraphQLHttpOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGraphQL("/graphql", engine, options);
        await app.StartAsync();

        // Kestrel rewrites the port-0 address with the port it bound.
        var bound = app.Urls.Single();
        return new GraphQLTestHost(app, new Uri(new Uri(bound), "/graphql"));
    }

    /// <summary>POSTs a JSON body (any object, serialized as is) with the given Accept header.</summary>
    public Task<GraphQLResponse> PostAsync(object body, string? accept = GraphQLResponseJson) =>
        SendAsync(HttpMethod.Post, Url, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"), accept);

    /// <summary>POSTs raw text with a content type (null: no Content-Type header at all).</summary>
    public Task<GraphQLResponse> PostRawAsync(string body, string? contentType, string? accept = GraphQLResponseJson)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return SendAsync(HttpMethod.Post, Url, content, accept);
    }

    /// <summary>GETs the endpoint with these query-string parameters (URL-encoded here).</summary>
    public Task<GraphQLResponse> GetAsync(IReadOnlyDictionary<string, string> parameters, string? accept = GraphQLResponseJson)
    {
        var query = string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return SendAsync(HttpMethod.Get, new Uri(Url + "?" + query), null, accept);
    }

    public async Task<GraphQLResponse> SendAsync(HttpMethod method, Uri url, HttpContent? content, string? accept)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await Client.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>What a client got: status, headers that matter, and the body parsed as JSON when it is JSON.</summary>
internal sealed record GraphQLResponse(int Status, string? ContentType, string? Allow, string Body)
{
    public static async Task<GraphQLResponse> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : null,
            body);
    }

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public bool HasData => Json.TryGetProperty("data", out _);

    public JsonElement Data => Json.GetProperty("data");

    public JsonElement FirstError => Json.GetProperty("errors")[0];

    public string? FirstErrorCode =>
        Json.TryGetProperty("errors", out var errors) && errors[0].TryGetProperty("extensions", out var extensions)
        && extensions.TryGetProperty("code", out var code)
            ? code.GetString()
            : null;

    public override string ToString() => $"{Status} {ContentType} {Body}";
}
