using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Api.Hosting;

namespace Transparency.Api.Tests.Health;

/// <summary>The real host over HTTP on loopback, against the project's PostgreSQL and Redis.</summary>
public sealed class HealthEndpointTests
{
    private static readonly byte[] TestKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public async Task Reports_postgres_redis_and_every_projection_as_healthy()
    {
        await using var db = await TestDatabase.CreateAsync("health");
        var redis = Environment.GetEnvironmentVariable("TRANSPARENCY_REDIS") is { Length: > 0 } r ? r : Settings.DefaultRedis;
        await using var host = await StartAsync(new Settings(db.ConnectionString, redis, TestKey));

        var health = await WaitForProjectionsAsync(host);

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("up", health.GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("up", health.GetProperty("redis").GetProperty("status").GetString());
        Assert.True(health.GetProperty("daemonLeader").GetBoolean());
        var projection = Assert.Single(health.GetProperty("projections").EnumerateArray());
        Assert.Equal("running", projection.GetProperty("state").GetString());
        Assert.Equal(0, projection.GetProperty("lag").GetInt64());
    }

    [Fact]
    public async Task Redis_down_degrades_but_keeps_serving()
    {
        await using var db = await TestDatabase.CreateAsync("health");
        // A port nobody listens on: the API must keep answering without its cache.
        await using var host = await StartAsync(new Settings(db.ConnectionString, "127.0.0.1:1", TestKey));

        using var response = await host.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal("down", health.GetProperty("redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Postgres_unreachable_is_unhealthy_with_503()
    {
        await using var host = await StartAsync(new Settings("Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2", null, TestKey), migrate: false);

        using var response = await host.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unhealthy", health.GetProperty("status").GetString());
        Assert.Equal("disabled", health.GetProperty("redis").GetProperty("status").GetString());
    }

    private static async Task<JsonElement> WaitForProjectionsAsync(RunningHost host)
    {
        // The daemon writes its first checkpoint shortly after start.
        for (var attempt = 0; ; attempt++)
        {
            var health = await host.Client.GetFromJsonAsync<JsonElement>("/health");
            if (health.GetProperty("projections").GetArrayLength() > 0 || attempt == 100)
                return health;
            await Task.Delay(100);
        }
    }

    internal static async Task<RunningHost> StartAsync(Settings settings, bool migrate = true)
    {
        var app = ApiHost.Build([], "http://127.0.0.1:0", runDaemon: migrate, settings);
        if (migrate)
            await Transparency.EventStore.Migrator.MigrateAsync(
                app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>(),
                app.Services.GetRequiredService<StoreComposition>().MigrationAssemblies);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningHost(app, new HttpClient { BaseAddress = new Uri(address) });
    }
}

internal sealed record RunningHost(WebApplication App, HttpClient Client) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
