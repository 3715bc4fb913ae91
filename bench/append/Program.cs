using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Transparency.Bench.Append;
using Transparency.EventStore;

// Measures, in one run and on the same table:
//   (a) batched append of N events over S streams through the store vs COPY of the same rows;
//   (b) one event per commit from 8 writers through the store vs pgbench inserting one row per transaction.
// Each side gets a fresh database; each figure is the median of --runs runs. Prints a Markdown table.
var options = BenchOptions.Parse(args);
var server = Environment.GetEnvironmentVariable("TRANSPARENCY_PG") is { Length: > 0 } pg
    ? pg
    : "Host=127.0.0.1;Port=55432;Username=postgres;Database=transparency";

var rows = new List<string>();
Console.Error.WriteLine($"append bench: {options.Events:N0} events over {options.Streams:N0} streams, batches of {options.BatchStreams} streams; "
    + $"{options.Writers} writers for {options.Seconds} s; {options.Runs} runs");

var ours = new List<double>();
var copy = new List<double>();
for (var run = 1; run <= options.Runs; run++)
{
    ours.Add(await Measure.WithFreshDatabaseAsync(server, "append_batched", ds => Batched.StoreAsync(ds, options)));
    copy.Add(await Measure.WithFreshDatabaseAsync(server, "append_copy", ds => Batched.CopyAsync(ds, options)));
    Console.Error.WriteLine($"  run {run}: store {ours[^1]:N0} rows/s, COPY {copy[^1]:N0} rows/s");
}
rows.Add(Report.Row($"event append, batched ({options.Events:N0} events, {options.Streams:N0} streams, {options.BatchStreams:N0} streams × {options.Events / options.Streams} events per append)",
    ours, "COPY, same rows, same table", copy, 0.5));

var single = new List<double>();
var bench = new List<double>();
var alone = new List<double>();
for (var run = 1; run <= options.Runs; run++)
{
    single.Add(await Measure.WithFreshDatabaseAsync(server, "append_single", ds => SingleCommit.StoreAsync(ds, options)));
    bench.Add(await Measure.WithFreshDatabaseAsync(server, "append_pgbench", ds => SingleCommit.PgbenchAsync(ds, options)));
    alone.Add(await Measure.WithFreshDatabaseAsync(server, "append_npgsql", ds => SingleCommit.NpgsqlAloneAsync(ds, options)));
    Console.Error.WriteLine($"  run {run}: store {single[^1]:N0} rows/s, pgbench {bench[^1]:N0} rows/s, Npgsql alone {alone[^1]:N0} rows/s");
}
rows.Add(Report.Row($"event append, one event per commit, {options.Writers} writers, {options.Seconds} s", single,
    $"pgbench single-row insert, {options.Writers} clients, same table", bench, 0.8));
// Not a goal: where the .NET client itself stands, to tell the store's overhead from the driver's.
rows.Add(Report.Row($"(context) the store's one-event statement through Npgsql alone, {options.Writers} writers", alone,
    $"pgbench single-row insert, {options.Writers} clients, same table", bench, goal: null));

Console.WriteLine(string.Join('\n', rows));
return 0;

internal sealed record BenchOptions(int Events, int Streams, int BatchStreams, int Writers, int Seconds, int Runs, string Pgbench)
{
    public static BenchOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new BenchOptions(Int("events", 1_000_000), Int("streams", 200_000), Int("batch-streams", 1000), Int("writers", 8),
            Int("seconds", 15), Int("runs", 3), Get("pgbench", "/usr/lib/postgresql/15/bin/pgbench"));
    }
}

internal static class Measure
{
    /// <summary>Runs <paramref name="work"/> (which returns rows/s) against a new, migrated database, then drops it.</summary>
    public static async Task<double> WithFreshDatabaseAsync(string server, string prefix, Func<NpgsqlDataSource, Task<double>> work)
    {
        var name = $"bench_{prefix}_{Environment.ProcessId}";
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await ExecAsync(admin, $"drop database if exists {name} with (force)");
        await ExecAsync(admin, $"create database {name}");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 32 };
            await using var dataSource = EventStoreDataSource.Create(builder.ConnectionString);
            await Migrator.MigrateAsync(dataSource);
            await ExecAsync(builder.ConnectionString, "checkpoint");
            return await work(dataSource);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(admin, $"drop database if exists {name} with (force)");
        }
    }

    public static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource)
    {
        await using var cmd = dataSource.CreateCommand("select count(*) from events");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}

internal static class Batched
{
    /// <summary>The store's path: each batch is one multi-stream append (new streams, so every stream's expected version is checked).</summary>
    public static async Task<double> StoreAsync(NpgsqlDataSource dataSource, BenchOptions o)
    {
        var store = new PostgresEventStore(dataSource, BenchEvents.Registry());
        var perStream = o.Events / o.Streams;
        var watch = Stopwatch.StartNew();
        for (var first = 0; first < o.Streams; first += o.BatchStreams)
        {
            var appends = new List<StreamAppend>(o.BatchStreams);
            for (var s = first; s < Math.Min(first + o.BatchStreams, o.Streams); s++)
            {
                appends.Add(new StreamAppend($"case-{s}", ExpectedVersion.NoStream,
                    Enumerable.Range(0, perStream).Select(v => (object)BenchEvents.Make((long)s * perStream + v)).ToArray(), "case"));
            }
            await store.AppendAsync(appends);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        return await Measure.CountAsync(dataSource) / seconds;
    }

    /// <summary>The write limit: binary COPY of the same rows (serialized beforehand) into the same table.</summary>
    public static async Task<double> CopyAsync(NpgsqlDataSource dataSource, BenchOptions o)
    {
        var perStream = o.Events / o.Streams;
        var data = new string[o.Streams * perStream];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = JsonSerializer.Serialize(BenchEvents.Make(i), BenchJsonContext.Default.FundsReceived);
        }
        await using var connection = await dataSource.OpenConnectionAsync();
        var watch = Stopwatch.StartNew();
        await using (var importer = await connection.BeginBinaryImportAsync("copy events (stream_id, version, type, data) from stdin (format binary)"))
        {
            for (var s = 0; s < o.Streams; s++)
            {
                for (var v = 0; v < perStream; v++)
                {
                    // Synchronous writes: COPY from .NET is client-bound, and the async ones cost a third more.
                    importer.StartRow();
                    importer.Write($"case-{s}", NpgsqlDbType.Text);
                    importer.Write((long)v + 1, NpgsqlDbType.Bigint);
                    importer.Write(BenchEvents.StoredName, NpgsqlDbType.Text);
                    importer.Write(data[s * perStream + v], NpgsqlDbType.Jsonb);
                }
            }
            await importer.CompleteAsync();
        }
        var seconds = watch.Elapsed.TotalSeconds;
        return await Measure.CountAsync(dataSource) / seconds;
    }
}

internal static class SingleCommit
{
    /// <summary>Writers each appending one event per call (its own transaction) to streams that already exist, with expected version Any.</summary>
    public static async Task<double> StoreAsync(NpgsqlDataSource dataSource, BenchOptions o)
    {
        var store = new PostgresEventStore(dataSource, BenchEvents.Registry());
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(o.Seconds));
        var watch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, o.Writers).Select(w => Task.Run(async () =>
        {
            long n = 0;
            while (!stop.IsCancellationRequested)
            {
                await store.AppendAsync($"case-{w}-{n % 500}", ExpectedVersion.Any, [BenchEvents.Make(n)]);
                n++;
            }
            return n;
        })));
        var seconds = watch.Elapsed.TotalSeconds;
        return await Measure.CountAsync(dataSource) / seconds;
    }

    /// <summary>
    /// The statement the store sends for one event at expected version Any, from 8 writers through Npgsql with
    /// nothing else: pooled connection, parameters, reader. The ceiling any .NET caller of this statement has.
    /// </summary>
    public static async Task<double> NpgsqlAloneAsync(NpgsqlDataSource dataSource, BenchOptions o)
    {
        var json = JsonSerializer.Serialize(BenchEvents.Make(42), BenchJsonContext.Default.FundsReceived);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(o.Seconds));
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, o.Writers).Select(w => Task.Run(async () =>
        {
            for (long n = 0; !stop.IsCancellationRequested; n++)
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var cmd = new NpgsqlCommand(PostgresEventStore.AppendOneAnySql, connection);
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = $"case-{w}-{n % 500}" });
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = DBNull.Value });
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = 1L });
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = BenchEvents.StoredName });
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = json });
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = DBNull.Value });
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                }
            }
        })));
        var seconds = watch.Elapsed.TotalSeconds;
        return await Measure.CountAsync(dataSource) / seconds;
    }

    /// <summary>pgbench: the same row (stream id, version, type, the same JSON) inserted one per transaction by 8 clients.</summary>
    public static async Task<double> PgbenchAsync(NpgsqlDataSource dataSource, BenchOptions o)
    {
        var json = JsonSerializer.Serialize(BenchEvents.Make(42), BenchJsonContext.Default.FundsReceived).Replace("'", "''", StringComparison.Ordinal);
        var script = Path.GetTempFileName();
        // A random 63-bit stream id per row keeps (stream_id, version) unique (31 bits collided within 80k rows).
        await File.WriteAllTextAsync(script, $"""
            \set s random(1, 9000000000000000000)
            insert into events (stream_id, version, type, data) values ('pgbench-' || :client_id || '-' || :s, 1, '{BenchEvents.StoredName}', '{json}');
            """, new UTF8Encoding(false));
        try
        {
            var cs = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
            var start = new ProcessStartInfo(o.Pgbench)
            {
                ArgumentList = { "-n", "-c", o.Writers.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", o.Seconds.ToString(CultureInfo.InvariantCulture),
                    "-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username!, "-f", script, cs.Database! },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var seconds = watch.Elapsed.TotalSeconds;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"pgbench failed: {errors}\n{output}");
            }
            // Rows per second of the run itself (pgbench's own -T), not counting its start-up.
            return await Measure.CountAsync(dataSource) / Math.Min(seconds, o.Seconds);
        }
        finally
        {
            File.Delete(script);
        }
    }
}

internal static class Report
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>| workload | ours | peer | ratio | goal | pass/fail | raw runs |</summary>
    public static string Row(string workload, IReadOnlyList<double> ours, string peerName, IReadOnlyList<double> peer, double? goal)
    {
        var ratio = Median(ours) / Median(peer);
        string Raw(IReadOnlyList<double> v) => string.Join(" / ", v.Select(x => x.ToString("N0", CultureInfo.InvariantCulture)));
        var (goalText, verdict) = goal is { } g ? (string.Create(CultureInfo.InvariantCulture, $"≥ {g:0.0#} ×"), ratio >= g ? "pass" : "FAIL") : ("—", "—");
        return string.Create(CultureInfo.InvariantCulture,
            $"| {workload} | {Median(ours):N0} rows/s | {peerName}: {Median(peer):N0} rows/s | {ratio:0.00} | {goalText} | {verdict} | ours {Raw(ours)}; peer {Raw(peer)} |");
    }
}
