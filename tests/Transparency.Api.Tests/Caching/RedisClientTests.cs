using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Transparency.Api.Caching;

namespace Transparency.Api.Tests.Caching;

/// <summary>Against a real redis-server of its own, so it can kill and restart it.</summary>
public sealed class RedisClientTests : IAsyncLifetime
{
    private readonly int port = FreePort();
    private readonly string dir = Directory.CreateTempSubdirectory("redis-test").FullName;
    private Process? server;

    public async Task InitializeAsync() => server = await StartServerAsync();

    public Task DisposeAsync()
    {
        StopServer();
        Directory.Delete(dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Stores_reads_expires_and_deletes_values()
    {
        await using var redis = new RedisClient($"127.0.0.1:{port}");
        Assert.True(await redis.PingAsync());

        var value = Encoding.UTF8.GetBytes("失信被执行人 {\"x\":1}\r\n");
        await redis.SetAsync("k", value, expiry: null);
        Assert.Equal(value, await redis.GetAsync("k"));
        Assert.Null(await redis.GetAsync("missing"));

        await redis.SetAsync("short", value, TimeSpan.FromMilliseconds(50));
        await Task.Delay(200);
        Assert.Null(await redis.GetAsync("short"));

        Assert.Equal(1, await redis.DeleteAsync("k"));
        Assert.Null(await redis.GetAsync("k"));
    }

    [Fact]
    public async Task Pipelined_commands_answer_in_order()
    {
        await using var redis = new RedisClient($"127.0.0.1:{port}");
        var commands = Enumerable.Range(0, 100).Select(i => (IReadOnlyList<object>)["INCRBY", "counter", i]).ToList();
        var replies = await redis.ExecuteManyAsync(commands);
        Assert.Equal(Enumerable.Range(0, 100).Sum(), Assert.IsType<RedisReply.Integer>(replies[^1]).Value);
    }

    [Fact]
    public async Task An_error_reply_names_the_problem()
    {
        await using var redis = new RedisClient($"127.0.0.1:{port}");
        var reply = await redis.ExecuteAsync(["NOSUCHCOMMAND"]);
        Assert.Contains("unknown command", Assert.IsType<RedisReply.Error>(reply).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Survives_a_redis_restart()
    {
        await using var redis = new RedisClient($"127.0.0.1:{port}", TimeSpan.FromMilliseconds(500));
        Assert.True(await redis.PingAsync());

        StopServer();
        await Assert.ThrowsAnyAsync<Exception>(() => redis.PingAsync());

        server = await StartServerAsync();
        Assert.True(await redis.PingAsync());
    }

    private async Task<Process> StartServerAsync()
    {
        var process = Process.Start(new ProcessStartInfo("redis-server",
            ["--bind", "127.0.0.1", "--port", port.ToString(), "--dir", dir, "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return process;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"redis-server did not listen on {port}");
    }

    private void StopServer()
    {
        if (server is { HasExited: false })
        {
            server.Kill();
            server.WaitForExit();
        }
        server?.Dispose();
        server = null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
