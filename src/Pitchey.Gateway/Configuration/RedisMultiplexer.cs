using StackExchange.Redis;

namespace Pitchey.Gateway.Configuration;

/// <summary>
/// How the gateway connects to Redis (the shared cache, the shared rate limits): without waiting
/// for it (<c>abortConnect=false</c>), so a gateway starts while Redis is away and shares again
/// once it is back, and failing commands at once while it is away instead of queueing them for
/// their timeout, so every caller falls back at once.
/// </summary>
internal static class RedisMultiplexer
{
    /// <summary>A connection for <paramref name="configuration"/> (a StackExchange.Redis string, a secret), or null when it is unset.</summary>
    public static ConnectionMultiplexer? ConnectOrNull(string? configuration, string clientName)
    {
        if (string.IsNullOrWhiteSpace(configuration))
        {
            return null;
        }

        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= clientName;
        return ConnectionMultiplexer.Connect(options);
    }

    /// <summary>True when a connected endpoint is a Redis Cluster node (false while none is connected: not known yet).</summary>
    public static bool IsCluster(IConnectionMultiplexer multiplexer) =>
        multiplexer.GetServers().Any(server => server.IsConnected && server.ServerType == ServerType.Cluster);
}
