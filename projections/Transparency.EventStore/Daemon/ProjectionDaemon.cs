using Microsoft.Extensions.Logging;
using Npgsql;

namespace Transparency.EventStore;

/// <summary>
/// Runs the async projections of one database. Every instance runs one; the instance holding a
/// PostgreSQL session advisory lock projects, the others stand by and take over when its session ends.
/// </summary>
public sealed class ProjectionDaemon
{
    // One leader per database: advisory locks are scoped to the database, so one key is enough.
    private const string LeaderLock = "transparency.projection-daemon";

    private readonly NpgsqlDataSource _dataSource;
    private readonly EventTypeRegistry _registry;
    private readonly IReadOnlyList<IProjection> _projections;
    private readonly DaemonOptions _options;
    private readonly ILogger? _logger;
    private volatile bool _isLeader;

    public ProjectionDaemon(NpgsqlDataSource dataSource, EventTypeRegistry registry, IEnumerable<IProjection> projections,
        DaemonOptions? options = null, ILogger? logger = null)
    {
        _dataSource = dataSource;
        _registry = registry;
        _projections = projections.ToList();
        _options = options ?? new DaemonOptions();
        _logger = logger;
        var duplicate = _projections.GroupBy(p => ProjectionSchema.Validate(p.Name)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two projections are named '{duplicate.Key}'", nameof(projections));
        }
    }

    /// <summary>Whether this instance holds the lock and is projecting now.</summary>
    public bool IsLeader => _isLeader;

    public IReadOnlyList<IProjection> Projections => _projections;

    /// <summary>Stands by or leads until <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(ct);
                if (!await TryLockAsync(connection, ct))
                {
                    await Task.Delay(_options.StandbyInterval, ct);
                    continue;
                }
                _logger?.LogInformation("projection daemon: leading");
                try
                {
                    _isLeader = true;
                    await LeadAsync(connection, ct);
                }
                finally
                {
                    _isLeader = false;
                    await ReleaseAsync(connection);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The lock connection broke, or the database is away: leadership (if any) is lost with the session.
                _logger?.LogWarning(e, "projection daemon: lost the database; standing by");
                try
                {
                    await Task.Delay(_options.StandbyInterval, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select pg_try_advisory_lock(hashtext($1))", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = LeaderLock });
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    private async Task ReleaseAsync(NpgsqlConnection connection)
    {
        // The connection goes back to the pool; the lock must not go with it.
        try
        {
            await using var cmd = new NpgsqlCommand("select pg_advisory_unlock_all(); unlisten *", connection);
            await cmd.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // A broken session has released its locks already; make sure the pool does not hand it out.
            _logger?.LogDebug(e, "projection daemon: lock connection already gone");
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private async Task LeadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var runners = _projections.Select(p => new ProjectionRunner(ProjectionTarget.Live(p, _registry), _dataSource, _registry, _options, _logger)).ToList();
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(ct);
        void OnNotification(object? sender, NpgsqlNotificationEventArgs e)
        {
            foreach (var runner in runners)
            {
                runner.Wake();
            }
        }
        connection.Notification += OnNotification;
        var running = new List<Task>();
        try
        {
            await using (var listen = new NpgsqlCommand($"listen {PostgresEventStore.NotificationChannel}", connection))
            {
                await listen.ExecuteNonQueryAsync(ct);
            }
            running.AddRange(runners.Select(r => r.RunAsync(leading.Token)));
            while (true)
            {
                // Notifications arrive while waiting; a quiet interval is used to check the session still lives.
                if (!await connection.WaitAsync(_options.LeaderCheckInterval, ct))
                {
                    await using var ping = new NpgsqlCommand("select 1", connection);
                    await ping.ExecuteScalarAsync(ct);
                }
            }
        }
        finally
        {
            connection.Notification -= OnNotification;
            await leading.CancelAsync();
            try
            {
                await Task.WhenAll(running);
            }
            catch (OperationCanceledException)
            {
                // The runners stop by cancellation; a batch in flight rolls back and is read again by the next leader.
            }
            foreach (var runner in runners)
            {
                runner.Dispose();
            }
        }
    }

    /// <summary>
    /// Rebuilds a projection from the first event into a shadow schema while readers (and the live daemon)
    /// keep using the current one, then swaps it in with one short transaction. Also un-parks it.
    /// </summary>
    public Task RebuildAsync(string name, CancellationToken ct = default) => RebuildAsync(name, null, ct);

    /// <inheritdoc cref="RebuildAsync(string, CancellationToken)"/>
    /// <param name="progress">Told after each batch how many events the new tables hold.</param>
    public Task RebuildAsync(string name, IProgress<RebuildProgress>? progress, CancellationToken ct = default) =>
        ProjectionRebuild.RunAsync(_dataSource, _registry, Find(name), _options, progress, ct);

    /// <summary>Sets a parked projection running again (after the cause is fixed); it retries its poison event.</summary>
    public async Task ResumeAsync(string name, CancellationToken ct = default)
    {
        await using var cmd = _dataSource.CreateCommand(
            "update projection_progress set state = 'running', last_error = null, poison_seq = null, updated = now() where name = $1 and state = 'parked'");
        cmd.Parameters.Add(new NpgsqlParameter { Value = Find(name).Name });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Event count, last position and each projection's position, lag and state.</summary>
    public Task<StoreStatistics> StatisticsAsync(CancellationToken ct = default) => StoreStatistics.ReadAsync(_dataSource, ct);

    private IProjection Find(string name) =>
        _projections.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException($"no projection is named '{name}'", nameof(name));
}
