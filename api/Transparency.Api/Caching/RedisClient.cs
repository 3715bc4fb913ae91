using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Transparency.Api.Caching;

/// <summary>A reply from Redis, as RESP2 shapes it.</summary>
public abstract record RedisReply
{
    public sealed record Simple(string Value) : RedisReply;
    public sealed record Error(string Message) : RedisReply;
    public sealed record Integer(long Value) : RedisReply;
    /// <summary>A bulk string; <c>null</c> for RESP's null bulk string (a missing key).</summary>
    public sealed record Bulk(byte[]? Value) : RedisReply;
    public sealed record Array(IReadOnlyList<RedisReply>? Items) : RedisReply;
}

/// <summary>Redis answered a command with an error reply.</summary>
public sealed class RedisErrorException(string message) : Exception(message);

/// <summary>
/// A small RESP2 client over one TCP connection (StackExchange.Redis cannot be restored here,
/// see DESIGN.md). Commands are serialised on the connection; callers that need throughput
/// pipeline with <see cref="ExecuteManyAsync"/>. A broken connection is dropped and redialled on
/// the next command, so a Redis restart heals without restarting the API.
/// </summary>
public sealed class RedisClient(string endpoint, TimeSpan? timeout = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TimeSpan timeout = timeout ?? TimeSpan.FromSeconds(2);
    private TcpClient? tcp;
    private BufferedStream? stream;

    public string Endpoint { get; } = endpoint;

    public async Task<RedisReply> ExecuteAsync(IReadOnlyList<object> command, CancellationToken cancellationToken = default)
        => (await ExecuteManyAsync([command], cancellationToken))[0];

    /// <summary>Sends the commands in one write and reads the replies in order (pipelining).</summary>
    public async Task<IReadOnlyList<RedisReply>> ExecuteManyAsync(
        IReadOnlyList<IReadOnlyList<object>> commands, CancellationToken cancellationToken = default)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var token = timeoutSource.Token;
        await gate.WaitAsync(token);
        try
        {
            var connection = await ConnectAsync(token);
            foreach (var command in commands)
                WriteCommand(connection, command);
            await connection.FlushAsync(token);
            var replies = new RedisReply[commands.Count];
            for (var i = 0; i < replies.Length; i++)
                replies[i] = await ReadReplyAsync(connection, token);
            return replies;
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or InvalidDataException)
        {
            // The connection's state is unknown after a failure mid-reply: never reuse it.
            Drop();
            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
                throw new TimeoutException($"Redis at {Endpoint} did not answer within {timeout.TotalMilliseconds:0} ms.", e);
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
        => await ExecuteAsync(["PING"], cancellationToken) is RedisReply.Simple { Value: "PONG" };

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
        => Expect<RedisReply.Bulk>(await ExecuteAsync(["GET", key], cancellationToken)).Value;

    public async Task SetAsync(string key, byte[] value, TimeSpan? expiry, CancellationToken cancellationToken = default)
    {
        object[] command = expiry is { } ttl
            ? ["SET", key, value, "PX", Math.Max(1, (long)ttl.TotalMilliseconds)]
            : ["SET", key, value];
        Expect<RedisReply.Simple>(await ExecuteAsync(command, cancellationToken));
    }

    public async Task<long> DeleteAsync(string key, CancellationToken cancellationToken = default)
        => Expect<RedisReply.Integer>(await ExecuteAsync(["DEL", key], cancellationToken)).Value;

    public async Task<bool> PExpireAsync(string key, TimeSpan expiry, CancellationToken cancellationToken = default)
        => Expect<RedisReply.Integer>(await ExecuteAsync(["PEXPIRE", key, (long)expiry.TotalMilliseconds], cancellationToken)).Value == 1;

    private static T Expect<T>(RedisReply reply) where T : RedisReply => reply switch
    {
        T expected => expected,
        RedisReply.Error error => throw new RedisErrorException(error.Message),
        _ => throw new InvalidDataException($"Redis answered {reply.GetType().Name} where {typeof(T).Name} was expected."),
    };

    private async Task<BufferedStream> ConnectAsync(CancellationToken token)
    {
        if (stream is not null && tcp is { Connected: true })
            return stream;
        Drop();
        var (host, port) = ParseEndpoint(Endpoint);
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(host, port, token);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        tcp = client;
        stream = new BufferedStream(client.GetStream(), 16 * 1024);
        return stream;
    }

    internal static (string Host, int Port) ParseEndpoint(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(endpoint.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            throw new FormatException($"Redis endpoint \"{endpoint}\" is not host:port.");
        return (endpoint[..colon], port);
    }

    private void Drop()
    {
        stream?.Dispose();
        tcp?.Dispose();
        stream = null;
        tcp = null;
    }

    private static void WriteCommand(Stream output, IReadOnlyList<object> parts)
    {
        WriteHeader(output, '*', parts.Count);
        foreach (var part in parts)
        {
            var bytes = part switch
            {
                byte[] raw => raw,
                string text => Encoding.UTF8.GetBytes(text),
                long number => Encoding.ASCII.GetBytes(number.ToString(CultureInfo.InvariantCulture)),
                int number => Encoding.ASCII.GetBytes(number.ToString(CultureInfo.InvariantCulture)),
                _ => throw new ArgumentException($"Cannot send a {part.GetType().Name} to Redis.", nameof(parts)),
            };
            WriteHeader(output, '$', bytes.Length);
            output.Write(bytes);
            output.Write("\r\n"u8);
        }
    }

    private static void WriteHeader(Stream output, char prefix, int length)
    {
        Span<byte> buffer = stackalloc byte[16];
        buffer[0] = (byte)prefix;
        length.TryFormat(buffer[1..], out var written, provider: CultureInfo.InvariantCulture);
        buffer[1 + written] = (byte)'\r';
        buffer[2 + written] = (byte)'\n';
        output.Write(buffer[..(3 + written)]);
    }

    private static async Task<RedisReply> ReadReplyAsync(Stream input, CancellationToken token)
    {
        var line = await ReadLineAsync(input, token);
        if (line.Length == 0)
            throw new InvalidDataException("Redis sent an empty reply line.");
        var body = line[1..];
        switch (line[0])
        {
            case '+': return new RedisReply.Simple(body);
            case '-': return new RedisReply.Error(body);
            case ':': return new RedisReply.Integer(long.Parse(body, CultureInfo.InvariantCulture));
            case '$':
                {
                    var length = int.Parse(body, CultureInfo.InvariantCulture);
                    if (length < 0)
                        return new RedisReply.Bulk(null);
                    var data = new byte[length + 2];
                    await input.ReadExactlyAsync(data, token);
                    return new RedisReply.Bulk(data.AsSpan(0, length).ToArray());
                }
            case '*':
                {
                    var count = int.Parse(body, CultureInfo.InvariantCulture);
                    if (count < 0)
                        return new RedisReply.Array(null);
                    var items = new RedisReply[count];
                    for (var i = 0; i < count; i++)
                        items[i] = await ReadReplyAsync(input, token);
                    return new RedisReply.Array(items);
                }
            default:
                throw new InvalidDataException($"Redis sent an unknown reply type '{line[0]}'.");
        }
    }

    private static async Task<string> ReadLineAsync(Stream input, CancellationToken token)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        var one = new byte[1];
        while (true)
        {
            if (await input.ReadAsync(one, token) == 0)
                throw new IOException("Redis closed the connection.");
            if (one[0] == '\n' && buffer.WrittenCount > 0 && buffer.WrittenSpan[^1] == '\r')
                return Encoding.UTF8.GetString(buffer.WrittenSpan[..^1]);
            buffer.Write(one);
        }
    }

    public ValueTask DisposeAsync()
    {
        Drop();
        gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
