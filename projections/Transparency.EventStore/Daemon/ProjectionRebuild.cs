using System.Threading.Channels;
using Npgsql;

namespace Transparency.EventStore;

/// <summary>
/// Rebuild into a shadow schema, then swap. Readers name tables <c>rm_x.table</c>; the swap renames schemas
/// (<c>rm_x</c> → retired, shadow → <c>rm_x</c>) in one short transaction, so a reader sees either the old
/// read model or the new one, never a half-built one. The swap locks the live progress row, which is the
/// same lock every live batch takes first, so no live batch writes across the swap; the live daemon's next
/// batch continues from the rebuilt checkpoint into the new tables.
/// </summary>
internal static class ProjectionRebuild
{
    public static async Task RunAsync(NpgsqlDataSource dataSource, EventTypeRegistry registry, IProjection projection,
        DaemonOptions options, CancellationToken ct)
    {
        var live = ProjectionTarget.Live(projection, registry);
        var shadow = ProjectionTarget.Shadow(projection, registry);

        // Held for the whole rebuild: two rebuilds of one projection would share the shadow schema.
        await using var guard = await dataSource.OpenConnectionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("select pg_try_advisory_lock(hashtext($1))", guard))
        {
            lockCmd.Parameters.Add(new NpgsqlParameter { Value = "transparency.rebuild:" + projection.Name });
            if (await lockCmd.ExecuteScalarAsync(ct) is not true)
            {
                throw new InvalidOperationException($"projection '{projection.Name}' is already being rebuilt");
            }
        }
        try
        {
            var deferred = await PrepareShadowAsync(dataSource, shadow, ct);
            await FillAsync(dataSource, registry, shadow, options, ct);
            await CreateIndexesAsync(dataSource, deferred, ct);
            await SwapAsync(dataSource, registry, live, shadow, options, ct);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock_all()", guard);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Applies every event readable now to the shadow tables, a batch per transaction, while the next batch is read
    /// (and deserialized) ahead on another connection: the database reads while this process applies, and the other
    /// way round. Each batch still commits with its checkpoint, exactly as a live batch does.
    /// </summary>
    private static async Task FillAsync(NpgsqlDataSource dataSource, EventTypeRegistry registry, ProjectionTarget shadow,
        DaemonOptions options, CancellationToken ct)
    {
        var batches = Channel.CreateBounded<ProjectionBatch.ReadBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = Task.Run(async () =>
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(reading.Token);
                var after = GlobalPosition.Start;
                while (true)
                {
                    var batch = await ProjectionBatch.ReadAsync(connection, null, shadow, registry, after, options.RebuildBatchSize, decode: true,
                        reading.Token);
                    await batches.Writer.WriteAsync(batch, reading.Token);
                    if (batch.Rows.Count == 0)
                    {
                        break;
                    }
                    after = batch.Last;
                }
                batches.Writer.Complete();
            }
            catch (Exception e)
            {
                batches.Writer.Complete(e);
            }
        }, reading.Token);
        try
        {
            var probe = new ProjectionBatch.Probe();
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                if (batch.Rows.Count == 0)
                {
                    break;
                }
                await using var connection = await dataSource.OpenConnectionAsync(ct);
                await using var tx = await connection.BeginTransactionAsync(ct);
                var progress = await ProjectionBatch.LockProgressAsync(connection, tx, shadow.ProgressName, ct);
                if (progress.Position != batch.After)
                {
                    throw new InvalidOperationException(
                        $"rebuild of '{shadow.Projection.Name}' read ahead from {batch.After} but its checkpoint is at {progress.Position}");
                }
                await ProjectionBatch.ApplyAsync(connection, tx, shadow, registry, batch, probe, ct);
                await tx.CommitAsync(ct);
            }
        }
        finally
        {
            await reading.CancelAsync();
            try
            {
                await reader;
            }
            catch (OperationCanceledException)
            {
                // Stopped reading ahead because applying stopped.
            }
        }
    }

    /// <summary>Empties the shadow schema and creates the tables; returns the definitions of the indexes it left out.</summary>
    private static async Task<List<string>> PrepareShadowAsync(NpgsqlDataSource dataSource, ProjectionTarget shadow, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var reset = new NpgsqlCommand($"""
            drop schema if exists "{shadow.Schema}" cascade;
            insert into projection_progress (name, state) values (@name, 'rebuilding')
            on conflict (name) do update
            set last_tx_id = '0', last_seq = 0, state = 'rebuilding', last_error = null, poison_seq = null, updated = now();
            """, connection, tx))
        {
            reset.Parameters.AddWithValue("name", shadow.ProgressName);
            await reset.ExecuteNonQueryAsync(ct);
        }
        await ProjectionSchema.EnsureAsync(shadow.Projection, connection, tx, shadow.Schema, ct);

        // Indexes that back a constraint stay: the projection's writes rely on them.
        var deferred = new List<string>();
        await using (var find = new NpgsqlCommand("""
            select format('drop index %I.%I', i.schemaname, i.indexname), i.indexdef
            from pg_indexes i
            where i.schemaname = $1 and i.indexname = any($2)
              and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace = $1::regnamespace)
            -- The slow kinds first, so that two builders finish close together (GiST builds one row at a time).
            order by i.indexdef ~* ' using (gist|gin|spgist) ' desc, i.indexname
            """, connection, tx))
        {
            find.Parameters.Add(new NpgsqlParameter { Value = shadow.Schema });
            find.Parameters.Add(new NpgsqlParameter
            {
                Value = shadow.Projection.IndexesBuiltAfterRebuild.ToArray(),
                NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text,
            });
            var drops = new List<string>();
            await using (var reader = await find.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    drops.Add(reader.GetString(0));
                    deferred.Add(reader.GetString(1));
                }
            }
            if (drops.Count > 0)
            {
                await using var drop = new NpgsqlCommand(string.Join(";\n", drops), connection, tx);
                await drop.ExecuteNonQueryAsync(ct);
            }
        }
        await tx.CommitAsync(ct);
        return deferred;
    }

    /// <summary>
    /// Creates the indexes left out while filling (their definitions name the shadow schema), before the swap, on
    /// <see cref="IndexBuilders"/> connections at once: one index build keeps one core busy (a GiST build is not
    /// parallel at all), and nothing else runs while they do. Each index commits on its own; the shadow schema is
    /// invisible until the swap, and a failed rebuild drops it whole the next time.
    /// </summary>
    private static async Task CreateIndexesAsync(NpgsqlDataSource dataSource, List<string> definitions, CancellationToken ct)
    {
        var queue = new System.Collections.Concurrent.ConcurrentQueue<string>(definitions);
        var builders = Enumerable.Range(0, Math.Min(IndexBuilders, definitions.Count)).Select(async _ =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            while (queue.TryDequeue(out var definition))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await using var cmd = new NpgsqlCommand("set local maintenance_work_mem = '256MB';\n" + definition, connection, tx)
                {
                    CommandTimeout = 0,
                };
                await cmd.ExecuteNonQueryAsync(ct);
                await tx.CommitAsync(ct);
            }
        });
        await Task.WhenAll(builders);
    }

    /// <summary>Indexes built at once after a rebuild's fill.</summary>
    private const int IndexBuilders = 2;

    private static async Task SwapAsync(NpgsqlDataSource dataSource, EventTypeRegistry registry, ProjectionTarget live,
        ProjectionTarget shadow, DaemonOptions options, CancellationToken ct)
    {
        var retired = ProjectionSchema.RetiredName(live.Projection.Name);
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            // Waits for a live batch in flight, then keeps the live daemon out until the swap commits.
            await ProjectionBatch.LockProgressAsync(connection, tx, live.ProgressName, ct);
            // Catch up the events committed since the last shadow batch, under the lock, so the swap loses none.
            var probe = new ProjectionBatch.Probe();
            GlobalPosition position;
            while (true)
            {
                var progress = await ProjectionBatch.LockProgressAsync(connection, tx, shadow.ProgressName, ct);
                var outcome = await ProjectionBatch.RunAsync(connection, tx, shadow, registry, progress.Position, options.RebuildBatchSize, probe, ct);
                if (outcome.Read == 0)
                {
                    position = progress.Position;
                    break;
                }
            }
            await using var swap = new NpgsqlCommand($"""
                set local search_path to public;
                drop schema if exists "{retired}" cascade;
                create schema if not exists "{live.Schema}";
                alter schema "{live.Schema}" rename to "{retired}";
                alter schema "{shadow.Schema}" rename to "{live.Schema}";
                update projection_progress
                set last_tx_id = @tx, last_seq = @seq, state = 'running', last_error = null, poison_seq = null, updated = now()
                where name = @live;
                delete from projection_progress where name = @shadow;
                """, connection, tx);
            swap.Parameters.AddWithValue("live", live.ProgressName);
            swap.Parameters.Add(new NpgsqlParameter("tx", NpgsqlTypes.NpgsqlDbType.Xid8) { Value = position.TxId });
            swap.Parameters.AddWithValue("seq", position.Seq);
            swap.Parameters.AddWithValue("shadow", shadow.ProgressName);
            await swap.ExecuteNonQueryAsync(ct);
            await ProjectionSchema.RecordVersionAsync(live.Projection, connection, tx, ct);
            await tx.CommitAsync(ct);
        }

        // Outside the swap: dropping waits for readers still inside the old tables, and they may take a while.
        await using var drop = dataSource.CreateCommand($"drop schema if exists \"{retired}\" cascade");
        await drop.ExecuteNonQueryAsync(ct);
    }
}
