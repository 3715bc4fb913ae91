using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using Transparency.EventStore;
using Transparency.Projections.Cases;
using Transparency.Projections.Demo;
using Transparency.Projections.ReadModels;

// Measures, in one run and on one database:
//   the daemon's rebuild of every projection (events/s), median of --runs runs,
//   against its peer, binary COPY of exactly the read-model rows the rebuild produced (rows/s, and events/s at that rate).
// Before the rebuilds, the live daemon catches up once (reported on stderr): every rebuild must give exactly its rows.
// Prints one Markdown row on stdout; diagnostics and progress on stderr.
var options = BenchOptions.Parse(args);
if (args.Contains("--profile"))
{
    ClientProfile.Run(options.Cases, Console.Error);
    return 0;
}
var server = Environment.GetEnvironmentVariable("TRANSPARENCY_PG") is { Length: > 0 } pg
    ? pg
    : "Host=127.0.0.1;Port=55432;Username=postgres;Database=transparency";
var log = Console.Error;

var name = $"bench_rebuild_{Environment.ProcessId}";
var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
await Sql.ExecAsync(admin, $"drop database if exists {name} with (force)");
await Sql.ExecAsync(admin, $"create database {name}");
try
{
    var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 16, CommandTimeout = 0 };
    await using var dataSource = EventStoreDataSource.Create(builder.ConnectionString);
    var masker = new PartyMasker(RandomNumberGenerator.GetBytes(32));
    var registry = new EventTypeRegistry().AddCaseEvents();
    IProjection[] projections = [new CaseReadModelsProjection(masker)];
    await Migrator.MigrateAsync(dataSource, [typeof(CaseReadModelsProjection).Assembly]);

    var store = new PostgresEventStore(dataSource, registry, new EventStoreOptions(Notify: false));
    var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    log.WriteLine($"rebuild bench: seeding {options.Cases:N0} demo cases (seed {options.Seed}) into {name} ...");
    var seeded = await DemoSeeder.SeedAsync(store, new DemoCaseGenerator(options.Seed, today), options.Cases, log);
    var events = seeded.Events;
    log.WriteLine($"rebuild bench: seeded {events:N0} events in {seeded.Elapsed.TotalSeconds:0.0} s ({seeded.EventsPerSecond:N0} events/s)");
    await Sql.ExecAsync(builder.ConnectionString, "vacuum analyze events");
    await Sql.ExecAsync(builder.ConnectionString, "checkpoint");

    var daemonOptions = options.Batch is { } batch ? new DaemonOptions { RebuildBatchSize = batch } : new DaemonOptions();
    var daemon = new ProjectionDaemon(dataSource, registry, projections, daemonOptions);

    // Live catch-up once: the reference every rebuild must reproduce.
    var live = await Measure.LiveCatchUpAsync(dataSource, daemon, projections, events, log);
    log.WriteLine($"rebuild bench: live catch-up {events:N0} events in {live.TotalSeconds:0.0} s = {events / live.TotalSeconds:N0} events/s");
    var reference = await ReadModelTables.FingerprintAsync(dataSource, projections);

    // Each run starts settled: without this, autovacuum works through the tables the last step wrote (and the rebuild
    // retires) during the next run, and the swap's drop waits for it to be cancelled.
    async Task SettleAsync()
    {
        await Sql.ExecAsync(builder.ConnectionString, "vacuum analyze " + string.Join(", ", await ReadModelTables.ListAsync(dataSource, projections)));
        await Sql.ExecAsync(builder.ConnectionString, "checkpoint");
    }

    var ours = new List<double>();
    for (var run = 1; run <= options.Runs; run++)
    {
        await SettleAsync();
        var seconds = 0.0;
        var cpu = await CpuTime.StartAsync(dataSource, name);
        var gc = GcUse.Start();
        foreach (var projection in projections)
        {
            seconds += (await Measure.RebuildAsync(daemon, projection, events, log)).TotalSeconds;
        }
        var (clientCpu, serverCpu) = await cpu.StopAsync();
        ours.Add(events / seconds);
        log.WriteLine($"  rebuild run {run}: {seconds:0.0} s = {ours[^1]:N0} events/s; CPU per event: "
            + $"this process {clientCpu.TotalMicroseconds / events:0.0} µs, PostgreSQL {serverCpu.TotalMicroseconds / events:0.0} µs; {gc.Stop(events)}");
        log.WriteLine($"  rebuild run {run}: scans of whole tables: {await ReadModelTables.SequentialScansAsync(dataSource, projections)}");
        var rebuilt = await ReadModelTables.FingerprintAsync(dataSource, projections);
        if (!rebuilt.SequenceEqual(reference))
        {
            throw new InvalidOperationException("the rebuild's rows differ from the live daemon's:\n  live    " + string.Join("\n  live    ", reference)
                + "\n  rebuilt " + string.Join("\n  rebuilt ", rebuilt));
        }
        log.WriteLine($"  rebuild run {run}: rows and indexes identical to the live daemon's ({reference.Count(r => r.Contains(" rows, ", StringComparison.Ordinal))} tables)");
    }

    // The peer: binary COPY of exactly those rows into the same (emptied) tables.
    var tables = await ReadModelTables.ListAsync(dataSource, projections);
    var dump = Directory.CreateTempSubdirectory("bench-rebuild-");
    var peerRows = new List<double>();
    long rows;
    try
    {
        rows = await ReadModelTables.ExportAsync(dataSource, tables, dump.FullName);
        log.WriteLine($"rebuild bench: {rows:N0} read-model rows in {tables.Count} tables ({ReadModelTables.Size(dump.FullName)})");
        for (var run = 1; run <= options.Runs; run++)
        {
            await SettleAsync();
            var cpu = await CpuTime.StartAsync(dataSource, name);
            var seconds = (await ReadModelTables.CopyInAsync(dataSource, tables, dump.FullName)).TotalSeconds;
            var (clientCpu, serverCpu) = await cpu.StopAsync();
            peerRows.Add(rows / seconds);
            log.WriteLine($"  COPY run {run}: {seconds:0.0} s = {peerRows[^1]:N0} rows/s = {events / seconds:N0} events/s; CPU per event: "
                + $"this process {clientCpu.TotalMicroseconds / events:0.0} µs, PostgreSQL {serverCpu.TotalMicroseconds / events:0.0} µs");
        }
    }
    finally
    {
        dump.Delete(recursive: true);
    }

    var peerEvents = peerRows.Select(r => r / rows * events).ToList();
    Console.WriteLine(Report.Row(
        $"projection rebuild ({options.Cases:N0} cases, {events:N0} events → every read model)",
        ours, $"COPY (binary) of the {rows:N0} read-model rows", peerRows, peerEvents, options.Goal));
    return 0;
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await Sql.ExecAsync(admin, $"drop database if exists {name} with (force)");
}

internal sealed record BenchOptions(int Cases, int Runs, int Seed, double Goal, int? Batch)
{
    public static BenchOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new BenchOptions(Int("cases", 200_000), Int("runs", 3), Int("seed", 2024), Int("goal", 50_000),
            args.Contains("--batch") ? Int("batch", 0) : null);
    }
}

internal static class Sql
{
    public static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

}

/// <summary>
/// CPU time of this process and of the database's server processes over a measurement: on a shared, noisy machine
/// the wall clock says little, the work done per event says more. Best effort (needs /proc and a local server).
/// </summary>
internal sealed class CpuTime(NpgsqlDataSource dataSource, string database, TimeSpan client, Dictionary<int, TimeSpan> server)
{
    public static async Task<CpuTime> StartAsync(NpgsqlDataSource dataSource, string database) =>
        new(dataSource, database, Process.GetCurrentProcess().TotalProcessorTime, await ServerAsync(dataSource, database));

    public async Task<(TimeSpan Client, TimeSpan Server)> StopAsync()
    {
        var clientNow = Process.GetCurrentProcess().TotalProcessorTime;
        var serverNow = await ServerAsync(dataSource, database);
        var serverUsed = serverNow.Sum(kv => (kv.Value - server.GetValueOrDefault(kv.Key)).Ticks);
        return (clientNow - client, TimeSpan.FromTicks(serverUsed));
    }

    private static async Task<Dictionary<int, TimeSpan>> ServerAsync(NpgsqlDataSource dataSource, string database)
    {
        var result = new Dictionary<int, TimeSpan>();
        await using var cmd = dataSource.CreateCommand("select pid from pg_stat_activity where datname = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = database });
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var pid = reader.GetInt32(0);
            try
            {
                var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                result[pid] = TimeSpan.FromMilliseconds(ticks * 10);
            }
            catch (IOException)
            {
                // Not local, or gone.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return result;
    }
}

/// <summary>What this process's garbage collector did over a measurement: bytes allocated per event, collections and pause time.</summary>
internal sealed class GcUse(long allocated, int gen0, int gen1, int gen2, TimeSpan paused)
{
    public static GcUse Start() => new(GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
        GC.GetTotalPauseDuration());

    public string Stop(long events) => string.Create(CultureInfo.InvariantCulture,
        $"allocated {(GC.GetTotalAllocatedBytes() - allocated) / (double)events:N0} B per event, GC {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} (gen 0/1/2), paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.00} s");
}

internal static class Measure
{
    /// <summary>Runs the live daemon until every projection's checkpoint is at the last event.</summary>
    public static async Task<TimeSpan> LiveCatchUpAsync(NpgsqlDataSource dataSource, ProjectionDaemon daemon, IReadOnlyList<IProjection> projections,
        long events, TextWriter log)
    {
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => daemon.RunAsync(stop.Token));
        var lastReport = TimeSpan.Zero;
        try
        {
            while (true)
            {
                var done = new List<double>();
                foreach (var p in projections)
                {
                    done.Add(await DoneAsync(dataSource, p.Name));
                }
                if (done.All(d => d >= 1))
                {
                    return clock.Elapsed;
                }
                if (run.IsCompleted)
                {
                    await run;
                    throw new InvalidOperationException("the daemon stopped");
                }
                if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(3))
                {
                    lastReport = clock.Elapsed;
                    log.WriteLine($"  live catch-up: {done.Average():P0} of {events:N0} events, ~{done.Average() * events / clock.Elapsed.TotalSeconds:N0} events/s");
                }
                await Task.Delay(100);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await run;
        }
    }

    /// <summary>How far a checkpoint is, as a fraction of the last sequence number (1 once at the last event): cheap enough to poll.</summary>
    private static async Task<double> DoneAsync(NpgsqlDataSource dataSource, string progressName)
    {
        await using var cmd = dataSource.CreateCommand("""
            select case when (p.last_tx_id, p.last_seq) >= (l.tx_id, l.seq) then 1.0 else p.last_seq::float8 / greatest(l.seq, 1) end
            from (select tx_id, seq from events order by tx_id desc, seq desc limit 1) l
            left join projection_progress p on p.name = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = progressName });
        return await cmd.ExecuteScalarAsync() is double d ? d : 0;
    }

    /// <summary>The daemon's rebuild, timed from the call to the swap, with its progress every 3 s and its phases at the end.</summary>
    public static async Task<TimeSpan> RebuildAsync(ProjectionDaemon daemon, IProjection projection, long events, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var progress = new RebuildProgressSnapshot();
        var filledAt = TimeSpan.Zero;
        var rebuild = daemon.RebuildAsync(projection.Name, new Phases(progress, () => filledAt = clock.Elapsed));
        while (await Task.WhenAny(rebuild, Task.Delay(TimeSpan.FromSeconds(3))) != rebuild)
        {
            var done = progress.Latest.Applied;
            log.WriteLine($"  rebuild {projection.Name}: {(double)done / events:P0} of {events:N0} events applied, ~{done / clock.Elapsed.TotalSeconds:N0} events/s");
        }
        await rebuild;
        log.WriteLine($"  rebuild {projection.Name}: events applied in {filledAt.TotalSeconds:0.0} s ({events / filledAt.TotalSeconds:N0} events/s), "
            + $"then indexes, analyze and swap in {(clock.Elapsed - filledAt).TotalSeconds:0.0} s");
        return clock.Elapsed;
    }

    /// <summary>Passes progress on, and notes when every event is applied.</summary>
    private sealed class Phases(IProgress<RebuildProgress> inner, Action filled) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value)
        {
            inner.Report(value);
            if (value.Filled)
            {
                filled();
            }
        }
    }
}

/// <summary>The tables of the projections' live schemas: fingerprints, export and the COPY peer.</summary>
internal static class ReadModelTables
{
    public static async Task<List<string>> ListAsync(NpgsqlDataSource dataSource, IReadOnlyList<IProjection> projections)
    {
        var tables = new List<string>();
        foreach (var p in projections)
        {
            await using var cmd = dataSource.CreateCommand(
                "select format('%I.%I', table_schema, table_name) from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' order by table_name");
            cmd.Parameters.Add(new NpgsqlParameter { Value = ProjectionSchema.LiveName(p.Name) });
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        return tables;
    }

    /// <summary>
    /// The read-model tables the rebuild scanned whole, with the rows those scans read: a rebuild must find a case's rows
    /// by index, or each batch costs more than the one before.
    /// </summary>
    public static async Task<string> SequentialScansAsync(NpgsqlDataSource dataSource, IReadOnlyList<IProjection> projections)
    {
        var scans = new List<string>();
        foreach (var p in projections)
        {
            await using var cmd = dataSource.CreateCommand(
                "select relname, seq_scan, seq_tup_read from pg_stat_user_tables where schemaname = $1 and seq_scan > 0 order by relname");
            cmd.Parameters.Add(new NpgsqlParameter { Value = ProjectionSchema.LiveName(p.Name) });
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                scans.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(0)} {reader.GetInt64(1):N0} ({reader.GetInt64(2):N0} rows)"));
            }
        }
        return scans.Count == 0 ? "none" : string.Join(", ", scans);
    }

    /// <summary>Per table: its row count and an order-independent hash of every row's text.</summary>
    public static async Task<List<string>> FingerprintAsync(NpgsqlDataSource dataSource, IReadOnlyList<IProjection> projections)
    {
        var result = new List<string>();
        foreach (var table in await ListAsync(dataSource, projections))
        {
            await using var cmd = dataSource.CreateCommand(
                $"select count(*), coalesce(md5(string_agg(h, '' order by h)), '') from (select md5(x::text) as h from {table} x) t");
            cmd.CommandTimeout = 0;
            await using var reader = await cmd.ExecuteReaderAsync();
            await reader.ReadAsync();
            result.Add($"{table}: {reader.GetInt64(0)} rows, {reader.GetString(1)}");
        }
        // The indexes too: a rebuild that builds some of them after filling must leave every one in place.
        foreach (var p in projections)
        {
            await using var cmd = dataSource.CreateCommand(
                "select indexname || ': ' || regexp_replace(indexdef, ' ON \\S+\\.', ' ON ') from pg_indexes where schemaname = $1 order by indexname");
            cmd.Parameters.Add(new NpgsqlParameter { Value = ProjectionSchema.LiveName(p.Name) });
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                result.Add(reader.GetString(0));
            }
        }
        return result;
    }

    /// <summary>COPY TO of every table in binary, one file each; returns the total row count.</summary>
    public static async Task<long> ExportAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> tables, string directory)
    {
        var rows = 0L;
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var table in tables)
        {
            await using (var file = File.Create(Path.Combine(directory, table)))
            await using (var copy = await connection.BeginRawBinaryCopyAsync($"copy {table} to stdout (format binary)"))
            {
                await copy.CopyToAsync(file);
            }
            await using var count = new NpgsqlCommand($"select count(*) from {table}", connection);
            rows += (long)(await count.ExecuteScalarAsync())!;
        }
        return rows;
    }

    /// <summary>Empties the tables, then times COPY FROM of the exported rows into all of them, in one transaction.</summary>
    public static async Task<TimeSpan> CopyInAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> tables, string directory)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var truncate = new NpgsqlCommand($"truncate {string.Join(", ", tables)}", connection))
        {
            await truncate.ExecuteNonQueryAsync();
        }
        var clock = Stopwatch.StartNew();
        var perTable = new List<string>(tables.Count);
        await using var tx = await connection.BeginTransactionAsync();
        foreach (var table in tables)
        {
            var started = clock.Elapsed;
            await using (var file = File.OpenRead(Path.Combine(directory, table)))
            await using (var copy = await connection.BeginRawBinaryCopyAsync($"copy {table} from stdin (format binary)"))
            {
                await file.CopyToAsync(copy);
            }
            var mib = new FileInfo(Path.Combine(directory, table)).Length / 1048576.0;
            perTable.Add(string.Create(CultureInfo.InvariantCulture,
                $"{table[(table.IndexOf('.', StringComparison.Ordinal) + 1)..]} {(clock.Elapsed - started).TotalSeconds:0.0} s ({mib:N0} MiB)"));
        }
        await tx.CommitAsync();
        // Where the write limit goes, table by table: what a faster rebuild would have to write less of.
        Console.Error.WriteLine("  COPY by table: " + string.Join(", ", perTable));
        return clock.Elapsed;
    }

    public static string Size(string directory) =>
        string.Create(CultureInfo.InvariantCulture, $"{Directory.GetFiles(directory).Sum(f => new FileInfo(f).Length) / 1048576.0:N0} MiB as binary COPY");
}

internal static class Report
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>| workload | ours | peer / limit | ratio | goal | pass/FAIL | raw runs |</summary>
    public static string Row(string workload, IReadOnlyList<double> ours, string peerName, IReadOnlyList<double> peerRows,
        IReadOnlyList<double> peerEvents, double goal)
    {
        var ratio = Median(ours) / Median(peerEvents);
        string Raw(IReadOnlyList<double> v) => string.Join(" / ", v.Select(x => x.ToString("N0", CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {workload} | {Median(ours):N0} events/s | {peerName}: {Median(peerRows):N0} rows/s (= {Median(peerEvents):N0} events/s) | {ratio:0.00} | ≥ {goal:N0} events/s | {(Median(ours) >= goal ? "pass" : "FAIL")} | ours {Raw(ours)} events/s; COPY {Raw(peerRows)} rows/s |");
    }
}
