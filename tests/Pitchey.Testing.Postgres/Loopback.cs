using System.Net;
using System.Net.Sockets;

namespace Pitchey.Testing.Postgres;

/// <summary>Ports on 127.0.0.1 for servers the tests start, and for addresses nobody answers.</summary>
public static class Loopback
{
    /// <summary>A port free at the time of asking (the OS picks it; the caller binds it soon after).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An HTTP address nobody listens on: connecting to it is refused.</summary>
    public static Uri RefusingAddress() => new($"http://127.0.0.1:{FreePort()}/");

    /// <summary>A connection string to a port nobody listens on, carrying the test password (it must never leak).</summary>
    public static string UnreachableDatabase(int timeoutSeconds = 2) =>
        $"Host=127.0.0.1;Port={FreePort()};Database=x;Username=x;Password={PostgresCluster.Password};Timeout={timeoutSeconds}";
}
