using System.Threading.Channels;
using Npgsql;

namespace Transparency.EventStore;

/// <summary>
/// Rebuild into a shadow schema, then swap. Readers name tables <c>rm_x.table</c>; the swap renames schemas
/// (<c>rm_x</c> → retired, shadow → <c>rm_x</c>) in one short transaction, so a reader sees either the old
/// read model or the new one, never a half-built one. The swap locks the live progress row, which is the
/// same lock every live batch takes first, so no live batch writes across the swap; the live daemon's next
/// batch continues from the rebuilt checkpoint into the new tables.
/// <para>
/// A stream-scoped projection is filled stream by stream (<see cref="StreamFill"/>), any other batch after batch in
/// commit order. Either way the shadow tables fill without autovacuum and without the indexes the projection can do
/// without, which are built once they are full, and are analyzed before the swap.
/// </para>
/// </summary>
internal static partial class ProjectionRebuild
{
    public static async Task RunAsync(NpgsqlDataSource dataSource, EventTypeRegistry registry, IProjection projection,
        DaemonOptions options, IProgress<RebuildProgress>? progress, CancellationToken ct)
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
            long total;
            await using (var last = new NpgsqlCommand("select coalesce(max(seq), 0) from public.events", guard))
            {
                total = (long)(await last.ExecuteScalarAsync(ct))!;
            }
            var counter = new RebuildCounter(total, progress);
            var deferred = await PrepareShadowAsync(dataSource, shadow, bare: projection.StreamScoped && projection.InsertsOnlyForNewStreams, ct);
            if (projection.StreamScoped)
            {
                await StreamFill.RunAsync(dataSource, registry, shadow, options.RebuildBatchSize, counter, ct);
            }
            else
            {
                await FillAsync(dataSource, registry, shadow, options, counter, ct);
            }
            counter.Filled();
            await FinishTablesAsync(dataSource, deferred, ct);
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
        DaemonOptions options, RebuildCounter counter, CancellationToken ct)
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
                counter.Add(batch.Rows.Count);
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

    /// <summary>What a rebuild leaves out of the shadow tables while it fills them, to add before the swap.</summary>
    /// <param name="Indexes">Index definitions (naming the shadow schema), the slow kinds first.</param>
    /// <param name="Constraints">Statements that attach unique indexes as their constraints and add back the other constraints, in order.</param>
    /// <param name="Tables">Every shadow table, autovacuum off while it fills.</param>
    private sealed record Deferred(List<string> Indexes, List<string> Constraints, List<string> Tables);

    /// <summary>
    /// Empties the shadow schema and creates the tables without the indexes the projection lets a rebuild add at the end
    /// (and, when <paramref name="bare"/>, without any index or index-backed constraint), with autovacuum off: analyzing and
    /// vacuuming tables half filled is wasted work, and they are analyzed once full.
    /// </summary>
    private static async Task<Deferred> PrepareShadowAsync(NpgsqlDataSource dataSource, ProjectionTarget shadow, bool bare, CancellationToken ct)
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

        var drops = new List<string>();
        var deferred = new Deferred([], [], []);
        if (bare)
        {
            // Foreign keys first (they need the unique indexes they reference), back last. A unique index is built like any
            // other, then becomes its constraint's index without another scan (the key columns stay not null).
            await using var find = new NpgsqlCommand("""
                select c.contype, format('%I.%I', n.nspname, t.relname), format('%I', c.conname), pg_get_constraintdef(c.oid),
                       pg_get_indexdef(c.conindid),
                       case when c.condeferrable then ' deferrable' else '' end || case when c.condeferred then ' initially deferred' else '' end
                from pg_constraint c
                join pg_class t on t.oid = c.conrelid
                join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = $1 and c.contype in ('p', 'u', 'x', 'f')
                order by c.contype = 'f' desc, t.relname, c.conname
                """, connection, tx);
            find.Parameters.Add(new NpgsqlParameter { Value = shadow.Schema });
            var excluded = new List<string>();
            var foreign = new List<string>();
            await using (var reader = await find.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var (kind, table, name, definition) = (reader.GetChar(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
                    drops.Add($"alter table {table} drop constraint {name}");
                    switch (kind)
                    {
                        case 'p' or 'u':
                            deferred.Indexes.Add(reader.GetString(4));
                            deferred.Constraints.Add(
                                $"alter table {table} add constraint {name} {(kind == 'p' ? "primary key" : "unique")} using index {name}{reader.GetString(5)}");
                            break;
                        case 'x':
                            excluded.Add($"alter table {table} add constraint {name} {definition}");
                            break;
                        default:
                            foreign.Add($"alter table {table} add constraint {name} {definition}");
                            break;
                    }
                }
            }
            deferred.Constraints.AddRange(excluded);
            deferred.Constraints.AddRange(foreign);
        }
        // Bare, every other index goes too. Otherwise only those the projection names: indexes that back a constraint stay,
        // and so do the ones it looks rows up by.
        await using (var find = new NpgsqlCommand("""
            select format('drop index %I.%I', i.schemaname, i.indexname), i.indexdef
            from pg_indexes i
            where i.schemaname = $1 and ($3 or i.indexname = any($2))
              and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace = $1::regnamespace)
            """, connection, tx))
        {
            find.Parameters.Add(new NpgsqlParameter { Value = shadow.Schema });
            find.Parameters.Add(new NpgsqlParameter
            {
                Value = shadow.Projection.IndexesBuiltAfterRebuild.ToArray(),
                NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text,
            });
            find.Parameters.Add(new NpgsqlParameter { Value = bare });
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                drops.Add(reader.GetString(0));
                deferred.Indexes.Add(reader.GetString(1));
            }
        }
        // The slow kinds first, so that the builders finish close together (GiST builds one row at a time).
        var slow = deferred.Indexes.Where(d => SlowIndex().IsMatch(d)).ToList();
        deferred.Indexes.RemoveAll(slow.Contains);
        deferred.Indexes.InsertRange(0, slow);

        await using (var find = new NpgsqlCommand(
            "select format('%I.%I', schemaname, tablename) from pg_tables where schemaname = $1 order by tablename", connection, tx))
        {
            find.Parameters.Add(new NpgsqlParameter { Value = shadow.Schema });
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                deferred.Tables.Add(reader.GetString(0));
            }
        }
        drops.AddRange(deferred.Tables.Select(t => $"alter table {t} set (autovacuum_enabled = false, toast.autovacuum_enabled = false)"));
        if (drops.Count > 0)
        {
            await using var drop = new NpgsqlCommand(string.Join(";\n", drops), connection, tx);
            await drop.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return deferred;
    }

    [System.Text.RegularExpressions.GeneratedRegex(" USING (gist|gin|spgist) ", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SlowIndex();

    /// <summary>
    /// Adds what the fill left out, before the swap. The indexes are built on <see cref="IndexBuilders"/> connections at
    /// once: one index build keeps one core busy (a GiST build is not parallel at all), and nothing else runs while they do.
    /// Each index commits on its own; the shadow schema is invisible until the swap, and a failed rebuild drops it whole
    /// the next time. Then each table gets autovacuum back and is analyzed, so it has statistics when readers first see
    /// it, and last the constraints are attached, which reads no rows.
    /// </summary>
    private static async Task FinishTablesAsync(NpgsqlDataSource dataSource, Deferred deferred, CancellationToken ct)
    {
        var work = deferred.Indexes.Select(d => "set local maintenance_work_mem = '256MB';\n" + d)
            .Concat(deferred.Tables.Select(t => $"alter table {t} reset (autovacuum_enabled, toast.autovacuum_enabled);\nanalyze {t}"));
        var queue = new System.Collections.Concurrent.ConcurrentQueue<string>(work);
        var builders = Enumerable.Range(0, Math.Min(IndexBuilders, queue.Count)).Select(async _ =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            while (queue.TryDequeue(out var sql))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await using var cmd = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
                await cmd.ExecuteNonQueryAsync(ct);
                await tx.CommitAsync(ct);
            }
        });
        await Task.WhenAll(builders);
        if (deferred.Constraints.Count > 0)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using var cmd = new NpgsqlCommand(string.Join(";\n", deferred.Constraints), connection, tx) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
        }
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

/// <summary>How far a rebuild is: events applied to the new tables, of about <see cref="Total"/> (the last position when it began).</summary>
/// <param name="Filled">Every event is applied; indexes are being built, then the tables are swapped in.</param>
public readonly record struct RebuildProgress(long Applied, long Total, bool Filled = false);

/// <summary>Counts the events a rebuild's fill has applied, from however many connections, and reports each step.</summary>
internal sealed class RebuildCounter(long total, IProgress<RebuildProgress>? progress)
{
    private long _applied;

    public void Add(long events) => progress?.Report(new RebuildProgress(Interlocked.Add(ref _applied, events), total));

    public void Filled() => progress?.Report(new RebuildProgress(Interlocked.Read(ref _applied), total, Filled: true));
}

/// <summary>The furthest a rebuild has got, for a caller that shows it now and then (reports come from several threads).</summary>
public sealed class RebuildProgressSnapshot : IProgress<RebuildProgress>
{
    private long _applied;
    private long _total;
    private int _filled;

    public RebuildProgress Latest => new(Interlocked.Read(ref _applied), Interlocked.Read(ref _total), Volatile.Read(ref _filled) == 1);

    public void Report(RebuildProgress value)
    {
        Interlocked.Exchange(ref _total, value.Total);
        if (value.Filled)
        {
            Volatile.Write(ref _filled, 1);
        }
        long seen;
        while ((seen = Interlocked.Read(ref _applied)) < value.Applied && Interlocked.CompareExchange(ref _applied, value.Applied, seen) != seen)
        {
        }
    }
}
