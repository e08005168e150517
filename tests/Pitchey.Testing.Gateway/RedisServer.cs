using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Pitchey.Testing.Postgres;

namespace Pitchey.Testing.Gateway;

/// <summary>
/// A throwaway Redis (Debian's <c>redis-server</c>) on 127.0.0.1 and a free port, with no
/// persistence, in a temp folder removed on dispose: what shared cache entries and shared rate
/// limits are tested against, the way PostgreSQL is.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly ServerProcess _server;

    private RedisServer(ServerProcess server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static Task<RedisServer> StartAsync() => StartAsync(Loopback.FreePort(), cluster: false);

    /// <summary>
    /// A single-node Redis Cluster on <paramref name="port"/> (a free one by default): cluster mode on,
    /// all 16384 slots given to this node, returned once it says <c>cluster_state:ok</c>. What the
    /// shared stores are tested against for a Cluster; its multi-key rules are a real Cluster's.
    /// </summary>
    public static Task<RedisServer> StartClusterAsync(int? port = null) => StartAsync(port ?? Loopback.FreePort(), cluster: true);

    private static async Task<RedisServer> StartAsync(int port, bool cluster)
    {
        var executable = ServerProcess.Find("redis-server", "redis-server");
        var directory = ServerProcess.NewFolder("pitchey-redis-");
        List<string> arguments =
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no", "--protected-mode", "yes"];
        if (cluster)
        {
            arguments.AddRange(["--cluster-enabled", "yes", "--cluster-config-file", Path.Combine(directory, "nodes.conf")]);
        }

        var server = new RedisServer(ServerProcess.Start(executable, directory, arguments), port);
        try
        {
            await Eventually.HoldsAsync(server.PingAsync, "redis-server answers PING", TimeSpan.FromSeconds(20));
            if (cluster)
            {
                Assert.StartsWith("+OK", await server.CommandAsync("CLUSTER", "ADDSLOTSRANGE", "0", "16383"), StringComparison.Ordinal);
                await Eventually.HoldsAsync(
                    async () => (await server.CommandAsync("CLUSTER", "INFO")).Contains("cluster_state:ok", StringComparison.Ordinal),
                    "the single-node cluster says cluster_state:ok", TimeSpan.FromSeconds(20));
            }

            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>True when the server answers PING with PONG (raw RESP: no client library needed here).</summary>
    public async Task<bool> PingAsync()
    {
        try
        {
            return (await CommandAsync("PING")).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// One command over raw RESP on a new connection, and its reply as text: a simple reply, an
    /// error, or a bulk string read in full (<c>CLUSTER INFO</c>).
    /// </summary>
    public async Task<string> CommandAsync(params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var request = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*{arguments.Length}\r\n");
        foreach (var argument in arguments)
        {
            request.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(argument)}\r\n{argument}\r\n");
        }

        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()));
        var reply = new MemoryStream();
        var buffer = new byte[4096];
        while (!IsComplete(reply.GetBuffer().AsSpan(0, (int)reply.Length)))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            reply.Write(buffer, 0, read);
        }

        return Encoding.UTF8.GetString(reply.GetBuffer(), 0, (int)reply.Length);
    }

    // A reply is whole at its first line's CRLF, or for a bulk string ($<length>) once that many bytes follow it.
    private static bool IsComplete(ReadOnlySpan<byte> reply)
    {
        var line = reply.IndexOf("\r\n"u8);
        if (line < 0)
        {
            return false;
        }

        if (reply[0] != (byte)'$' || !int.TryParse(reply[1..line], CultureInfo.InvariantCulture, out var length) || length < 0)
        {
            return true;
        }

        return reply.Length >= line + 2 + length + 2;
    }

    /// <summary>Kills the server at once, the way an outage would.</summary>
    public Task StopAsync() => _server.KillAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
