using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Transparency.GraphQL.Armour;
using Transparency.GraphQL.Execution;
using Transparency.GraphQL.Http;
using Xunit.Abstractions;

namespace Transparency.GraphQL.Tests.Http;

/// <summary>
/// graphql-http's server audit (the GraphQL-over-HTTP conformance suite) against the endpoint on
/// real Kestrel, armour on, as the public API serves it. Needs Node and tests/node/setup.sh.
/// </summary>
public sealed class GraphQLHttpAuditTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_endpoint_passes_graphql_http_audit_without_errors_or_warnings()
    {
        var engine = new GraphQLEngine(new HttpTestSchema().Build(), new GraphQLEngineOptions().WithArmour(new ArmourOptions()));
        await using var host = await GraphQLTestHost.StartAsync(engine, new GraphQLHttpOptions());

        var report = await RunAuditAsync(host.Url);

        using var results = JsonDocument.Parse(report);
        var audits = results.RootElement.EnumerateArray().ToList();
        output.WriteLine(string.Join(", ", audits.GroupBy(a => a.GetProperty("status").GetString()).Select(g => $"{g.Key}: {g.Count()}")));
        foreach (var notice in audits.Where(a => a.GetProperty("status").GetString() == "notice"))
        {
            output.WriteLine($"notice {notice.GetProperty("id").GetString()} {notice.GetProperty("name").GetString()}: {notice.GetProperty("reason").GetString()}");
        }

        Assert.True(audits.Count > 50, $"the audit ran only {audits.Count} checks: {report}");
        var failed = audits
            .Where(a => a.GetProperty("status").GetString() is "error" or "warn")
            .Select(a => $"{a.GetProperty("status").GetString()} {a.GetProperty("id").GetString()} {a.GetProperty("name").GetString()}: "
                + $"{a.GetProperty("reason").GetString()} (response: {a.GetProperty("response").GetString()})")
            .ToList();
        Assert.True(failed.Count == 0, "graphql-http audit:\n" + string.Join("\n", failed));
    }

    private static async Task<string> RunAuditAsync(Uri url, [CallerFilePath] string here = "")
    {
        var nodeDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "node"));
        Assert.True(
            Directory.Exists(Path.Combine(nodeDirectory, "node_modules", "graphql-http")),
            $"graphql-http is not installed in {nodeDirectory}: run tests/node/setup.sh");

        var start = new ProcessStartInfo("node", ["audit.mjs", url.ToString()])
        {
            WorkingDirectory = nodeDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            Assert.Fail($"could not start node ({missing.Message}): install Node.js and run tests/node/setup.sh");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(deadline.Token);
            Assert.True(process.ExitCode == 0, $"node audit.mjs exited with {process.ExitCode}: {await error}");
            return await output;
        }
    }
}
