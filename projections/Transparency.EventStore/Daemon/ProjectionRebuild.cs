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
            await PrepareShadowAsync(dataSource, shadow, ct);
            var probe = new ProjectionBatch.Probe();
            while (true)
            {
                await using var connection = await dataSource.OpenConnectionAsync(ct);
                await using var tx = await connection.BeginTransactionAsync(ct);
                var progress = await ProjectionBatch.LockProgressAsync(connection, tx, shadow.ProgressName, ct);
                var outcome = await ProjectionBatch.RunAsync(connection, tx, shadow, registry, progress.Position, options.RebuildBatchSize, probe, ct);
                if (outcome.Read == 0)
                {
                    break;
                }
                await tx.CommitAsync(ct);
            }
            await SwapAsync(dataSource, registry, live, shadow, options, ct);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock_all()", guard);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task PrepareShadowAsync(NpgsqlDataSource dataSource, ProjectionTarget shadow, CancellationToken ct)
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
        await tx.CommitAsync(ct);
    }

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
            await tx.CommitAsync(ct);
        }

        // Outside the swap: dropping waits for readers still inside the old tables, and they may take a while.
        await using var drop = dataSource.CreateCommand($"drop schema if exists \"{retired}\" cascade");
        await drop.ExecuteNonQueryAsync(ct);
    }
}
