using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Pitchey.Gateway.RateLimiting;

/// <summary>
/// The one Redis connection of the shared limiter, made at start-up when <c>RateLimiting:Redis</c>
/// is set. It does not wait for Redis (<c>abortConnect=false</c>): a gateway starts, and limits in
/// memory, while Redis is away, and shares again once it is back.
/// </summary>
internal sealed class RedisRateLimitConnection : IDisposable
{
    private readonly ConnectionMultiplexer? _multiplexer;

    public RedisRateLimitConnection(IOptions<RateLimitingOptions> options)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Redis))
        {
            return;
        }

        var configuration = ConfigurationOptions.Parse(options.Value.Redis);
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "pitchey-gateway";
        _multiplexer = ConnectionMultiplexer.Connect(configuration);
    }

    public IConnectionMultiplexer? Multiplexer => _multiplexer;

    public void Dispose() => _multiplexer?.Dispose();
}
