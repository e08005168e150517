using Microsoft.Extensions.Options;
using Pitchey.Gateway.Configuration;
using StackExchange.Redis;

namespace Pitchey.Gateway.RateLimiting;

/// <summary>
/// The one Redis connection of the shared limiter, made at start-up when <c>RateLimiting:Redis</c>
/// is set (see <see cref="RedisMultiplexer"/>): while Redis is away each gateway limits in memory.
/// </summary>
internal sealed class RedisRateLimitConnection(IOptions<RateLimitingOptions> options) : IDisposable
{
    private readonly ConnectionMultiplexer? _multiplexer = RedisMultiplexer.ConnectOrNull(options.Value.Redis, "pitchey-gateway");

    public IConnectionMultiplexer? Multiplexer => _multiplexer;

    public void Dispose() => _multiplexer?.Dispose();
}
