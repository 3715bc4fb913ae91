using Transparency.GraphQL.Armour;
using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Http;
using Transparency.GraphQL.Tests.Http;

namespace Transparency.GraphQL.Tests.Armour;

/// <summary>Apollo's automatic persisted queries over HTTP, with a store the test can look into.</summary>
public sealed class PersistedQueryTests : IAsyncLifetime
{
    private readonly HttpTestSchema _schema = new();
    private readonly RecordingStore _store = new();
    private GraphQLTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await GraphQLTestHost.StartAsync(new GraphQLEngine(_schema.Build()), new GraphQLHttpOptions { PersistedQueries = _store });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static object Persisted(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    private static string PersistedExtension(string hash) => System.Text.Json.JsonSerializer.Serialize(Persisted(hash));

    [Theory]
    [InlineData(GraphQLTestHost.GraphQLResponseJson)]
    [InlineData("application/json")]
    public async Task An_unknown_hash_is_persisted_query_not_found_with_status_200(string accept)
    {
        var response = await _host.PostAsync(new { extensions = Persisted(PersistedQueries.Hash("{ hello }")) }, accept);

        Assert.Equal(200, response.Status);
        Assert.False(response.HasData);
        Assert.Equal("PersistedQueryNotFound", response.FirstError.GetProperty("message").GetString());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", response.FirstErrorCode);
    }

    [Fact]
    public async Task The_apollo_round_trip_stores_the_query_and_then_runs_it_by_hash()
    {
        const string query = "{ cases(first: 1) { id } }";
        var hash = PersistedQueries.Hash(query);

        var miss = await _host.PostAsync(new { extensions = Persisted(hash) });
        var register = await _host.PostAsync(new { query, extensions = Persisted(hash) });
        var hit = await _host.PostAsync(new { extensions = Persisted(hash) });

        Assert.Equal("PersistedQueryNotFound", miss.FirstError.GetProperty("message").GetString());
        Assert.Equal("""{"data":{"cases":[{"id":"case-1"}]}}""", register.Body);
        Assert.Equal("""{"data":{"cases":[{"id":"case-1"}]}}""", hit.Body);
        Assert.Equal(query, _store.Stored[hash]);
    }

    [Fact]
    public async Task Persisted_queries_work_over_get_with_variables()
    {
        const string query = "query($n: Int) { cases(first: $n) { id } }";
        var extensions = PersistedExtension(PersistedQueries.Hash(query));

        var miss = await _host.GetAsync(new Dictionary<string, string> { ["extensions"] = extensions, ["variables"] = """{"n":2}""" });
        var register = await _host.GetAsync(new Dictionary<string, string> { ["query"] = query, ["extensions"] = extensions, ["variables"] = """{"n":1}""" });
        var hit = await _host.GetAsync(new Dictionary<string, string> { ["extensions"] = extensions, ["variables"] = """{"n":2}""" });

        Assert.Equal(200, miss.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", miss.FirstErrorCode);
        Assert.Equal(200, register.Status);
        Assert.Equal(200, hit.Status);
        Assert.Equal("""{"data":{"cases":[{"id":"case-1"},{"id":"case-2"}]}}""", hit.Body);
    }

    [Fact]
    public async Task A_persisted_mutation_is_still_refused_over_get()
    {
        const string mutation = """mutation { addNote(text: "x") }""";
        var hash = PersistedQueries.Hash(mutation);
        await _host.PostAsync(new { query = mutation, extensions = Persisted(hash) });
        var before = _schema.NotesAdded;

        var response = await _host.GetAsync(new Dictionary<string, string>
        {
            ["extensions"] = PersistedExtension(hash),
        });

        Assert.Equal(405, response.Status);
        Assert.Equal("POST", response.Allow);
        Assert.Equal(before, _schema.NotesAdded);
    }

    [Fact]
    public async Task A_hash_that_does_not_match_the_query_is_refused_and_nothing_is_stored()
    {
        const string query = "{ hello }";
        var wrong = PersistedQueries.Hash("{ something else }");

        var response = await _host.PostAsync(new { query, extensions = Persisted(wrong) });
        var afterwards = await _host.PostAsync(new { extensions = Persisted(wrong) });

        Assert.Equal(400, response.Status);
        Assert.False(response.HasData);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", response.FirstErrorCode);
        Assert.StartsWith("provided sha does not match query", response.FirstError.GetProperty("message").GetString());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", afterwards.FirstErrorCode);
        Assert.Empty(_store.Stored);
    }

    [Fact]
    public async Task A_query_that_fails_validation_is_not_stored()
    {
        const string query = "{ nope }";
        var hash = PersistedQueries.Hash(query);

        var response = await _host.PostAsync(new { query, extensions = Persisted(hash) });

        Assert.Equal(400, response.Status);
        Assert.Equal(ErrorCodes.ValidationFailed, response.FirstErrorCode);
        Assert.Empty(_store.Stored);
    }

    [Fact]
    public async Task An_upper_case_hash_is_the_same_hash()
    {
        const string query = "{ hello }";
        var hash = PersistedQueries.Hash(query);
        await _host.PostAsync(new { query, extensions = Persisted(hash.ToUpperInvariant()) });

        var hit = await _host.PostAsync(new { extensions = Persisted(hash) });

        Assert.Equal("""{"data":{"hello":"hello world"}}""", hit.Body);
    }

    [Theory]
    [InlineData("""{"persistedQuery":{"version":2,"sha256Hash":"abc"}}""", "PERSISTED_QUERY_NOT_SUPPORTED")]
    [InlineData("""{"persistedQuery":{"sha256Hash":"abc"}}""", "PERSISTED_QUERY_INVALID")]
    [InlineData("""{"persistedQuery":"abc"}""", "PERSISTED_QUERY_INVALID")]
    public async Task A_malformed_persisted_query_extension_is_refused(string extensions, string code)
    {
        var response = await _host.PostRawAsync($$"""{"query":"{ hello }","extensions":{{extensions}}}""", "application/json");

        Assert.False(response.HasData);
        Assert.Equal(code, response.FirstErrorCode);
    }

    [Fact]
    public async Task Without_a_store_a_hash_alone_is_persisted_query_not_supported()
    {
        await using var host = await GraphQLTestHost.StartAsync(new GraphQLEngine(_schema.Build()), new GraphQLHttpOptions { PersistedQueries = null });

        var response = await host.PostAsync(new { extensions = Persisted(PersistedQueries.Hash("{ hello }")) });

        Assert.Equal(200, response.Status);
        Assert.Equal("PersistedQueryNotSupported", response.FirstError.GetProperty("message").GetString());
        Assert.Equal("PERSISTED_QUERY_NOT_SUPPORTED", response.FirstErrorCode);
    }

    [Fact]
    public async Task The_default_store_is_in_memory_and_works_out_of_the_box()
    {
        await using var host = await GraphQLTestHost.StartAsync(new GraphQLEngine(_schema.Build()));
        const string query = "{ hello(name: \"apq\") }";
        var hash = PersistedQueries.Hash(query);

        await host.PostAsync(new { query, extensions = Persisted(hash) });
        var hit = await host.PostAsync(new { extensions = Persisted(hash) });

        Assert.Equal("""{"data":{"hello":"hello apq"}}""", hit.Body);
    }

    [Fact]
    public async Task The_in_memory_store_drops_the_least_recently_used_first()
    {
        var store = new InMemoryPersistedQueryStore(capacity: 2);
        await store.SetAsync("a", "{ a }");
        await store.SetAsync("b", "{ b }");
        Assert.Equal("{ a }", await store.TryGetAsync("a"));

        await store.SetAsync("c", "{ c }");

        Assert.Equal(2, store.Count);
        Assert.Equal("{ a }", await store.TryGetAsync("a"));
        Assert.Null(await store.TryGetAsync("b"));
        Assert.Equal("{ c }", await store.TryGetAsync("c"));
    }

    [Fact]
    public async Task The_in_memory_store_also_bounds_the_text_it_keeps()
    {
        var store = new InMemoryPersistedQueryStore(capacity: 100, maxCharacters: 10);
        await store.SetAsync("a", "{ aaaa }");
        await store.SetAsync("b", "{ b }");
        await store.SetAsync("huge", "{ " + new string('h', 20) + " }");

        Assert.Null(await store.TryGetAsync("a"));
        Assert.Equal("{ b }", await store.TryGetAsync("b"));
        Assert.Null(await store.TryGetAsync("huge"));
    }

    [Fact]
    public void The_hash_is_lowercase_hex_sha256_of_the_utf8_text()
    {
        // printf '%s' '{ hello }' | sha256sum
        Assert.Equal("001c3174e099bd72b729d0c0a529ba9f5a740c446e2a6e1d71b283cb84ec3065", PersistedQueries.Hash("{ hello }"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("执行 { hello }"u8)), PersistedQueries.Hash("执行 { hello }"));
        Assert.Equal(PersistedQueries.Hash(new string('法', 5000)), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(new string('法', 5000)))));
    }

    /// <summary>A store the way the API will plug in Redis: anything behind the interface.</summary>
    private sealed class RecordingStore : IPersistedQueryStore
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, string> Stored { get; } = new();

        public ValueTask<string?> TryGetAsync(string sha256Hash, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Stored.TryGetValue(sha256Hash, out var query) ? query : null);

        public ValueTask SetAsync(string sha256Hash, string query, CancellationToken cancellationToken = default)
        {
            Stored[sha256Hash] = query;
            return ValueTask.CompletedTask;
        }
    }
}
