using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Transparency.GraphQL.Execution;

namespace Transparency.GraphQL.Armour;

/// <summary>Where automatic persisted queries keep document text by SHA-256 (lowercase hex).</summary>
public interface IPersistedQueryStore
{
    /// <summary>The document text stored under hash, or null.</summary>
    ValueTask<string?> TryGetAsync(string sha256Hash, CancellationToken cancellationToken = default);

    ValueTask SetAsync(string sha256Hash, string query, CancellationToken cancellationToken = default);
}

/// <summary>
/// A bounded in-memory store: at most Capacity documents and MaxCharacters of query text in all,
/// the least recently used dropped first (anyone may register a query, so both bounds matter).
/// Thread-safe. For one instance; several instances share a distributed store instead.
/// </summary>
public sealed class InMemoryPersistedQueryStore : IPersistedQueryStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Hash, string Query)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Hash, string Query)> _recency = new();
    private long _characters;

    public InMemoryPersistedQueryStore(int capacity = 1000, long maxCharacters = 8 * 1024 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCharacters);
        Capacity = capacity;
        MaxCharacters = maxCharacters;
    }

    public int Capacity { get; }

    /// <summary>Most query text kept, in UTF-16 characters; a single longer query is not kept.</summary>
    public long MaxCharacters { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public ValueTask<string?> TryGetAsync(string sha256Hash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sha256Hash);
        lock (_gate)
        {
            if (!_entries.TryGetValue(sha256Hash, out var node))
            {
                return ValueTask.FromResult<string?>(null);
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return ValueTask.FromResult<string?>(node.Value.Query);
        }
    }

    public ValueTask SetAsync(string sha256Hash, string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sha256Hash);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > MaxCharacters)
        {
            return ValueTask.CompletedTask;
        }

        lock (_gate)
        {
            if (_entries.Remove(sha256Hash, out var existing))
            {
                _recency.Remove(existing);
                _characters -= existing.Value.Query.Length;
            }

            while (_recency.Last is { } oldest && (_entries.Count >= Capacity || _characters + query.Length > MaxCharacters))
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Hash);
                _characters -= oldest.Value.Query.Length;
            }

            _entries[sha256Hash] = _recency.AddFirst((sha256Hash, query));
            _characters += query.Length;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>What became of a request's persisted-query extension.</summary>
public enum PersistedQueryOutcome
{
    /// <summary>The request carried no persistedQuery extension.</summary>
    NotPersisted,

    /// <summary>A hash without a query, found in the store: the request now has its query.</summary>
    Hit,

    /// <summary>A hash with a matching query: run it, and store it once it is known to be valid.</summary>
    Register,

    /// <summary>The request cannot run: see the error.</summary>
    Failed,
}

/// <summary>The request to run (query filled in on a hit), or the error to answer with.</summary>
public sealed record PersistedQueryResolution(PersistedQueryOutcome Outcome, GraphQLRequest Request, string? Hash, GraphQLError? Error);

/// <summary>
/// Apollo's automatic persisted queries: a client sends <c>extensions.persistedQuery =
/// {version: 1, sha256Hash}</c> without the query; an unknown hash is answered
/// <c>PersistedQueryNotFound</c> and the client retries with the query, which is stored under
/// its hash once it is shown to hash to it (and, by the endpoint, to be valid).
/// </summary>
public static class PersistedQueries
{
    public const string NotFoundMessage = "PersistedQueryNotFound";
    public const string NotFoundCode = "PERSISTED_QUERY_NOT_FOUND";
    public const string NotSupportedMessage = "PersistedQueryNotSupported";
    public const string NotSupportedCode = "PERSISTED_QUERY_NOT_SUPPORTED";

    // Apollo Server's words first, so clients and logs that look for them still find them.
    public const string HashMismatchMessage =
        "provided sha does not match query: extensions.persistedQuery.sha256Hash must be the lowercase hex SHA-256 of the query's UTF-8 text.";
    public const string HashMismatchCode = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string InvalidCode = "PERSISTED_QUERY_INVALID";

    /// <summary>Lowercase hex SHA-256 of the UTF-8 query text.</summary>
    public static string Hash(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var length = Encoding.UTF8.GetByteCount(query);
        var rented = length <= 1024 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Span<byte> utf8 = rented is null ? stackalloc byte[1024] : rented;
            Encoding.UTF8.GetBytes(query, utf8);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8[..length], digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static async ValueTask<PersistedQueryResolution> ResolveAsync(
        GraphQLRequest request, IPersistedQueryStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        if (request.Extensions is null || !request.Extensions.TryGetValue("persistedQuery", out var extension) || extension is null)
        {
            return new(PersistedQueryOutcome.NotPersisted, request, null, null);
        }

        if (!TryRead(extension, out var version, out var hash))
        {
            return Fail(request, "The persistedQuery extension must be an object with a numeric \"version\" and a string \"sha256Hash\".", InvalidCode);
        }

        if (version != 1)
        {
            return Fail(request, $"Unsupported persisted query version {version}; only version 1 is supported.", NotSupportedCode);
        }

        hash = hash.ToLowerInvariant();
        if (string.IsNullOrEmpty(request.Query))
        {
            var stored = await store.TryGetAsync(hash, cancellationToken);
            return stored is null
                ? Fail(request, NotFoundMessage, NotFoundCode, hash)
                : new(PersistedQueryOutcome.Hit, request with { Query = stored }, hash, null);
        }

        return Hash(request.Query) == hash
            ? new(PersistedQueryOutcome.Register, request, hash, null)
            : Fail(request, HashMismatchMessage, HashMismatchCode, hash);
    }

    private static PersistedQueryResolution Fail(GraphQLRequest request, string message, string code, string? hash = null) =>
        new(PersistedQueryOutcome.Failed, request, hash, new GraphQLError(message, extensions: ErrorCodes.With(code)));

    private static bool TryRead(object extension, out double version, out string hash)
    {
        version = 0;
        hash = string.Empty;
        switch (extension)
        {
            case JsonElement { ValueKind: JsonValueKind.Object } json:
                if (json.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number
                    && json.TryGetProperty("sha256Hash", out var h) && h.ValueKind == JsonValueKind.String)
                {
                    version = v.GetDouble();
                    hash = Utilities.JsonValues.Text(h); // a lone surrogate must not throw out of the engine
                    return true;
                }

                return false;
            case IReadOnlyDictionary<string, object?> map:
                if (map.GetValueOrDefault("sha256Hash") is string text && map.GetValueOrDefault("version") is { } number
                    && number is int or long or double)
                {
                    version = Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture);
                    hash = text;
                    return true;
                }

                return false;
            default:
                return false;
        }
    }
}
