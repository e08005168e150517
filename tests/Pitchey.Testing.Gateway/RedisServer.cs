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

    public static async Task<RedisServer> StartAsync()
    {
        var executable = ServerProcess.Find("redis-server", "redis-server");
        var directory = ServerProcess.NewFolder("pitchey-redis-");
        var port = Loopback.FreePort();
        var process = ServerProcess.Start(executable, directory,
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no", "--protected-mode", "yes"]);
        var server = new RedisServer(process, port);
        try
        {
            await Eventually.HoldsAsync(server.PingAsync, "redis-server answers PING", TimeSpan.FromSeconds(20));
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
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Kills the server at once, the way an outage would.</summary>
    public Task StopAsync() => _server.KillAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
