using Microsoft.Extensions.Options;
using Pitchey.Gateway.Configuration;
using StackExchange.Redis;

namespace Pitchey.Gateway.Caching;

/// <summary>The one Redis connection of the shared cache, made at start-up when <c>Cache:Redis</c> is set (see <see cref="RedisMultiplexer"/>).</summary>
internal sealed class RedisCacheConnection(IOptions<CacheOptions> options) : IDisposable
{
    private readonly ConnectionMultiplexer? _multiplexer = RedisMultiplexer.ConnectOrNull(options.Value.Redis, "pitchey-gateway-cache");

    public IConnectionMultiplexer? Multiplexer => _multiplexer;

    public void Dispose() => _multiplexer?.Dispose();
}
