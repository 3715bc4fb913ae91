using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Transparency.GraphQL.Armour;
using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Language;

namespace Transparency.GraphQL.Http;

/// <summary>
/// One GraphQL-over-HTTP exchange (spec: graphql/graphql-over-http): read the request from a
/// GET query string or a JSON POST body, resolve a persisted query, execute with the request's
/// cancellation, and answer with the media type the client accepts and the status code that
/// media type calls for.
/// </summary>
public sealed class GraphQLHttpHandler
{
    private const string AllowBoth = "GET, POST";
    private const string AllowPost = "POST";
    private const int InitialBodyBuffer = 4 * 1024;
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    // One writer per thread, pointed at each response in turn: writing is synchronous, so it is
    // never shared, and the hot path allocates no writer per request.
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly Func<HttpContext, GraphQLEngine> _engineFactory;
    private readonly GraphQLHttpOptions _options;

    public GraphQLHttpHandler(Func<HttpContext, GraphQLEngine> engineFactory, GraphQLHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(engineFactory);
        ArgumentNullException.ThrowIfNull(options);
        _engineFactory = engineFactory;
        _options = options;
    }

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.Request;
        var isGet = HttpMethods.IsGet(http.Method);
        if (!(HttpMethods.IsPost(http.Method) || (isGet && _options.AllowGet)))
        {
            var allow = _options.AllowGet ? AllowBoth : AllowPost;
            context.Response.Headers.Allow = allow;
            await WriteRequestErrorAsync(context, StatusCodes.Status405MethodNotAllowed, MediaTypes.Json,
                $"GraphQL requests are sent with {allow}, not {http.Method}.");
            return;
        }

        var mediaType = MediaTypes.Negotiate(http.Headers.Accept);
        if (mediaType is null)
        {
            // Nothing the client accepts: say so in the one type every GraphQL client reads.
            await WriteRequestErrorAsync(context, StatusCodes.Status406NotAcceptable, MediaTypes.Json,
                $"The Accept header must allow {MediaTypes.GraphQLResponseJson} or {MediaTypes.Json} in UTF-8.");
            return;
        }

        JsonDocument? document = null;
        byte[]? body = null;
        try
        {
            GraphQLRequest request;
            if (isGet)
            {
                request = ReadQueryString(http.Query, out document);
            }
            else
            {
                if (!MediaTypes.IsJsonRequest(http.ContentType))
                {
                    await WriteRequestErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, mediaType,
                        $"POST bodies must be {MediaTypes.Json} in UTF-8; got {(string.IsNullOrEmpty(http.ContentType) ? "no Content-Type" : http.ContentType)}.");
                    return;
                }

                var (buffer, length) = await ReadBodyAsync(http, context.RequestAborted);
                body = buffer;
                if (buffer is null)
                {
                    await WriteRequestErrorAsync(context, StatusCodes.Status413PayloadTooLarge, mediaType,
                        $"The request body is larger than {_options.MaxRequestBodySize} bytes.");
                    return;
                }

                if (length == 0)
                {
                    throw new GraphQLRequestException("The POST body is missing; it must be a JSON object with a \"query\".");
                }

                // The document reads the pooled buffer in place; both live until the response is written.
                document = Parse(buffer.AsMemory(0, length), "The request body");
                request = GraphQLRequest.FromJson(document.RootElement);
            }

            await ExecuteAsync(context, request, isGet, mediaType);
        }
        catch (GraphQLRequestException malformed)
        {
            await WriteRequestErrorAsync(context, StatusCodes.Status400BadRequest, mediaType, malformed.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to answer.
        }
        finally
        {
            document?.Dispose();
            if (body is not null)
            {
                ArrayPool<byte>.Shared.Return(body);
            }
        }
    }

    private async Task ExecuteAsync(HttpContext context, GraphQLRequest request, bool isGet, string mediaType)
    {
        var cancellation = context.RequestAborted;
        string? registerHash = null;
        if (request.Extensions is not null)
        {
            var persisted = await ResolvePersistedAsync(request, cancellation);
            if (persisted.Error is { } refusal)
            {
                // An unknown hash is the normal first step of the protocol, not a failure: Apollo
                // answers it (and "not supported") with 200 whatever the media type, and its client
                // link gives up persisted queries for good on a 400. A wrong hash is a bad request.
                var status = refusal.Code is PersistedQueries.NotFoundCode or PersistedQueries.NotSupportedCode
                    ? StatusCodes.Status200OK
                    : StatusCodes.Status400BadRequest;
                await WriteResultAsync(context, status, mediaType, ExecutionResult.FromRequestError(ExecutionOutcome.MissingQuery, refusal));
                return;
            }

            request = persisted.Request;
            registerHash = persisted.Outcome == PersistedQueryOutcome.Register ? persisted.Hash : null;
        }

        var refusedOverGet = false;
        OperationCheck? queriesOnly = null;
        if (isGet)
        {
            // Spec, "GET": a mutation over GET is answered 405 and not executed.
            queriesOnly = check =>
            {
                if (check.Operation.Operation == OperationType.Query)
                {
                    return null;
                }

                refusedOverGet = true;
                var kind = check.Operation.Operation == OperationType.Mutation ? "mutation" : "subscription";
                return new GraphQLError(
                    $"Can only perform a {kind} operation from a POST request.",
                    [check.Operation],
                    extensions: ErrorCodes.With(ErrorCodes.BadRequest));
            };
        }

        var engine = _engineFactory(context);
        var userContext = _options.UserContext?.Invoke(context);
        var result = await engine.ExecuteAsync(request, userContext, queriesOnly, cancellation);

        // Stored once known to be valid, so the store never holds a document that cannot run.
        if (registerHash is not null
            && result.Outcome is not (ExecutionOutcome.SyntaxError or ExecutionOutcome.ValidationError)
            && _options.PersistedQueries is { } store)
        {
            await store.SetAsync(registerHash, request.Query!, cancellation);
        }

        int statusCode;
        if (refusedOverGet)
        {
            context.Response.Headers.Allow = AllowPost;
            statusCode = StatusCodes.Status405MethodNotAllowed;
        }
        else
        {
            statusCode = result.Outcome switch
            {
                // Execution started: data (even null) and field errors are a GraphQL response, 200.
                ExecutionOutcome.Executed => StatusCodes.Status200OK,

                // Without a document there is no GraphQL request at all, whatever the media type.
                ExecutionOutcome.MissingQuery => StatusCodes.Status400BadRequest,

                // Parse, validation, operation, variable and armour failures: no data entry, so
                // graphql-response+json must not be 2xx; application/json clients read the body at 200.
                _ => mediaType == MediaTypes.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
            };
        }

        await WriteResultAsync(context, statusCode, mediaType, result);
    }

    private async ValueTask<PersistedQueryResolution> ResolvePersistedAsync(GraphQLRequest request, CancellationToken cancellation)
    {
        if (_options.PersistedQueries is { } store)
        {
            return await PersistedQueries.ResolveAsync(request, store, cancellation);
        }

        var asksForPersisted = request.Extensions!.TryGetValue("persistedQuery", out var value) && value is not null;
        return asksForPersisted && string.IsNullOrEmpty(request.Query)
            ? new PersistedQueryResolution(
                PersistedQueryOutcome.Failed,
                request,
                null,
                new GraphQLError(PersistedQueries.NotSupportedMessage, extensions: ErrorCodes.With(PersistedQueries.NotSupportedCode)))
            : new PersistedQueryResolution(PersistedQueryOutcome.NotPersisted, request, null, null);
    }

    private static GraphQLRequest ReadQueryString(IQueryCollection query, out JsonDocument? held)
    {
        held = null;
        IReadOnlyDictionary<string, object?>? variables = null;
        IReadOnlyDictionary<string, object?>? extensions = null;

        if (Single(query, "extensions") is { Length: > 0 } extensionsText)
        {
            using var extensionsJson = Parse(Encoding.UTF8.GetBytes(extensionsText), "The \"extensions\" parameter");

            // Extensions are small and read once (persisted query hash, cost flag): a copy that
            // outlives its document is enough.
            extensions = GraphQLRequest.ReadObject(extensionsJson.RootElement.Clone(), "extensions");
        }

        // The variables' values are elements of their document, which the caller keeps alive
        // until the response is written.
        if (Single(query, "variables") is { Length: > 0 } variablesText)
        {
            held = Parse(Encoding.UTF8.GetBytes(variablesText), "The \"variables\" parameter");
            variables = GraphQLRequest.ReadObject(held.RootElement, "variables");
        }

        return new GraphQLRequest
        {
            Query = Single(query, "query"),
            OperationName = Single(query, "operationName") is { Length: > 0 } name ? name : null,
            Variables = variables,
            Extensions = extensions,
        };
    }

    private static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw new GraphQLRequestException($"The \"{name}\" parameter must be given once.");
        }

        return values[0];
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> utf8, string what)
    {
        try
        {
            return JsonDocument.Parse(utf8, JsonOptions);
        }
        catch (JsonException invalid)
        {
            throw new GraphQLRequestException($"{what} is not valid JSON: {invalid.Message}", invalid);
        }
    }

    // The body in a pooled buffer (the caller returns it) and its length; null when it is larger
    // than allowed, found without reading more than one byte past the limit.
    private async Task<(byte[]? Buffer, int Length)> ReadBodyAsync(HttpRequest http, CancellationToken cancellation)
    {
        var limit = _options.MaxRequestBodySize;
        var declared = http.ContentLength;
        if (declared > limit)
        {
            return (null, -1);
        }

        // A declared length sizes the buffer once; one spare byte shows a body longer than declared.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, declared is { } length ? length + 1 : InitialBodyBuffer));
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, (long)buffer.Length * 2));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await http.Body.ReadAsync(buffer.AsMemory(filled), cancellation);
                if (read == 0)
                {
                    return (buffer, filled);
                }

                filled += read;
                if (filled > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, -1);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static async Task WriteResultAsync(HttpContext context, int statusCode, string mediaType, ExecutionResult result)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = mediaType == MediaTypes.GraphQLResponseJson
            ? MediaTypes.GraphQLResponseJsonUtf8
            : MediaTypes.JsonUtf8;

        // The writer fills the response pipe directly; nothing is built up as a string first.
        var output = response.BodyWriter;
        var writer = t_writer;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(output, ResultWriter.WriterOptions);
            t_writer = writer;
        }
        else
        {
            writer.Reset(output);
        }

        try
        {
            ResultWriter.Write(writer, result);
            writer.Flush();
        }
        finally
        {
            // Let go of this response's pipe before the thread moves on.
            writer.Reset(NullBufferWriter.Instance);
        }

        await output.FlushAsync(context.RequestAborted);
    }

    private static Task WriteRequestErrorAsync(HttpContext context, int statusCode, string mediaType, string message) =>
        WriteResultAsync(context, statusCode, mediaType, ExecutionResult.FromRequestError(
            ExecutionOutcome.MissingQuery,
            new GraphQLError(message, extensions: ErrorCodes.With(ErrorCodes.BadRequest))));

    /// <summary>Where the cached writer points between responses.</summary>
    private sealed class NullBufferWriter : IBufferWriter<byte>
    {
        public static readonly NullBufferWriter Instance = new();

        public void Advance(int count)
        {
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => Array.Empty<byte>();

        public Span<byte> GetSpan(int sizeHint = 0) => [];
    }
}
