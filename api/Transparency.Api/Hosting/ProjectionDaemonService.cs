using Transparency.EventStore;

namespace Transparency.Api.Hosting;

/// <summary>Runs the projection daemon for as long as the host lives (every instance; one leads).</summary>
public sealed class ProjectionDaemonService(ProjectionDaemon daemon, ILogger<ProjectionDaemonService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("projection daemon starting with {Count} projections", daemon.Projections.Count);
        try
        {
            await daemon.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
