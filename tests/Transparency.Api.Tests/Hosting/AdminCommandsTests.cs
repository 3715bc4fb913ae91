using System.Diagnostics;
using System.Text.Json;

namespace Transparency.Api.Tests.Hosting;

/// <summary>The admin CLI as an operator runs it: the built host binary in its own process.</summary>
public sealed class AdminCommandsTests
{
    private static readonly string TestKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public async Task Seed_then_stats_then_rebuild_leave_every_event_projected()
    {
        await using var db = await TestDatabase.CreateAsync("cli");

        var seed = await RunAsync(db, "seed", "--cases", "300", "--seed", "7");
        Assert.True(seed.ExitCode == 0, seed.Output);
        Assert.Contains("300/300 cases", seed.Output, StringComparison.Ordinal);

        var before = await StatsAsync(db);
        var events = before.GetProperty("eventCount").GetInt64();
        Assert.True(events > 300, $"a case has several milestones, got {events} events");
        Assert.Equal(events, before.GetProperty("lastSeq").GetInt64());

        var rebuild = await RunAsync(db, "projections", "rebuild", "cases");
        Assert.True(rebuild.ExitCode == 0, rebuild.Output);

        var after = await StatsAsync(db);
        var cases = Assert.Single(after.GetProperty("projections").EnumerateArray());
        Assert.Equal("cases", cases.GetProperty("name").GetString());
        Assert.Equal(0, cases.GetProperty("lag").GetInt64());
        Assert.Equal("running", cases.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Bad_arguments_are_refused_with_a_message_naming_them()
    {
        await using var db = await TestDatabase.CreateAsync("cli");

        var zero = await RunAsync(db, "seed", "--cases", "0");
        Assert.NotEqual(0, zero.ExitCode);
        Assert.Contains("--cases", zero.Output, StringComparison.Ordinal);

        var unknown = await RunAsync(db, "projections", "rebuild", "nosuch");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("no projection named 'nosuch'", unknown.Output, StringComparison.Ordinal);
        Assert.Contains("cases", unknown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        await using var db = await TestDatabase.CreateAsync("cli");
        var help = await RunAsync(db, "--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "serve", "migrate", "store", "projections", "seed" })
            Assert.Contains(command, help.Output, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> StatsAsync(TestDatabase db)
    {
        var stats = await RunAsync(db, "store", "stats", "--json");
        Assert.True(stats.ExitCode == 0, stats.Output);
        return JsonDocument.Parse(stats.StandardOutput).RootElement.Clone();
    }

    private sealed record Run(int ExitCode, string StandardOutput, string Output);

    private static async Task<Run> RunAsync(TestDatabase db, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Transparency.Api.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TRANSPARENCY_PG"] = db.ConnectionString;
        start.Environment["TRANSPARENCY_REDIS"] = "off";
        start.Environment["TRANSPARENCY_MATCH_KEY"] = TestKey;
        start.Environment.Remove("TRANSPARENCY_MATCH_KEY_FILE");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await stdout, await stdout + await stderr);
    }
}
