using System.Diagnostics;
using Npgsql;
using Transparency.Api.Caching;
using Transparency.EventStore;

namespace Transparency.Api.Health;

/// <summary>
/// <c>GET /health</c>: PostgreSQL, Redis and every projection's lag and state. 200 while the API can
/// answer (Redis down only degrades it: the API serves without a cache); 503 when PostgreSQL is
/// unreachable or a projection is parked, so a load balancer takes the instance out.
/// </summary>
public static class HealthEndpoint
{
    /// <summary>A projection further behind than this is reported as lagging (still healthy).</summary>
    public const long LagWarning = 10_000;

    public sealed record Check(string Status, double? LatencyMs, string? Error);

    public sealed record Report(
        string Status,
        Check Postgres,
        Check Redis,
        bool DaemonLeader,
        long? LastPosition,
        IReadOnlyList<ProjectionStatus> Projections);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (NpgsqlDataSource db, ProjectionDaemon daemon, IServiceProvider services, CancellationToken ct) =>
        {
            // Redis is registered only when configured.
            var report = await CheckAsync(db, daemon, services.GetService<RedisClient>(), ct);
            return Results.Json(report, statusCode: report.Status == "unhealthy" ? 503 : 200);
        });
        return app;
    }

    public static async Task<Report> CheckAsync(NpgsqlDataSource db, ProjectionDaemon daemon, RedisClient? redis, CancellationToken ct)
    {
        StoreStatistics? stats = null;
        Check postgres;
        var clock = Stopwatch.StartNew();
        try
        {
            // No exact event count here: a probe polled every few seconds must not scan the table.
            stats = await StoreStatistics.ReadAsync(db, countEvents: false, ct);
            postgres = new Check("up", clock.Elapsed.TotalMilliseconds, null);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            postgres = new Check("down", null, e.Message);
        }

        Check redisCheck;
        if (redis is null)
        {
            redisCheck = new Check("disabled", null, null);
        }
        else
        {
            clock.Restart();
            try
            {
                redisCheck = await redis.PingAsync(ct)
                    ? new Check("up", clock.Elapsed.TotalMilliseconds, null)
                    : new Check("down", null, "unexpected answer to PING");
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or TimeoutException or RedisErrorException)
            {
                redisCheck = new Check("down", null, e.Message);
            }
        }

        var projections = stats?.Projections ?? [];
        var status = postgres.Status != "up" || projections.Any(p => p.State == "parked")
            ? "unhealthy"
            : redisCheck.Status == "down" || projections.Any(p => p.Lag > LagWarning)
                ? "degraded"
                : "healthy";
        return new Report(status, postgres, redisCheck, daemon.IsLeader, stats?.LastSeq, projections);
    }
}
