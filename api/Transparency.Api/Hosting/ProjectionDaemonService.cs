using Npgsql;
using Transparency.EventStore;

namespace Transparency.Api.Hosting;

/// <summary>
/// Runs the projection daemon for as long as the host lives (every instance; one leads), and logs
/// catch-up progress while a projection is behind, so whoever started the host sees it converge.
/// </summary>
public sealed class ProjectionDaemonService(ProjectionDaemon daemon, NpgsqlDataSource db, ILogger<ProjectionDaemonService> logger)
    : BackgroundService
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("projection daemon starting with {Count} projections", daemon.Projections.Count);
        var progress = ReportProgressAsync(stoppingToken);
        try
        {
            await daemon.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await progress;
    }

    private async Task ReportProgressAsync(CancellationToken ct)
    {
        var behind = new HashSet<string>();
        using var timer = new PeriodicTimer(ProgressInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (daemon.IsLeader)
                    await LogLagAsync(behind, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task LogLagAsync(HashSet<string> behind, CancellationToken ct)
    {
        StoreStatistics stats;
        try
        {
            stats = await StoreStatistics.ReadAsync(db, countEvents: false, ct);
        }
        catch (NpgsqlException)
        {
            return; // Progress is a courtesy: the daemon logs its own retries and /health reports the database.
        }
        foreach (var p in stats.Projections)
        {
            if (p.Lag > 0)
            {
                behind.Add(p.Name);
                logger.LogInformation("projection {Name} catching up: {Lag:N0} events behind ({State})", p.Name, p.Lag, p.State);
            }
            else if (behind.Remove(p.Name))
            {
                logger.LogInformation("projection {Name} caught up at {Position}", p.Name, p.Position);
            }
        }
    }
}
