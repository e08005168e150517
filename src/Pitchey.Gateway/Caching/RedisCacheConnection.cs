using Microsoft.Extensions.Options;
using Pitchey.Gateway.Configuration;
using StackExchange.Redis;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// The one Redis connection of the shared cache, made at start-up when <c>Cache:Redis</c> is set (see
/// <see cref="RedisMultiplexer"/>). A Redis Cluster refuses the cache's multi-key scripts unless all
/// their keys share a slot, which takes a hash tag in <c>Cache:RedisKeyPrefix</c>
/// (<see cref="RedisCacheKeys"/>). Without one, a Cluster seen at start-up stops it
/// (<see cref="EnsureUsable"/>); one seen only later (Redis was away at start) turns the shared
/// store off, logged once: otherwise every fill and eviction would fail, one store error each.
/// </summary>
internal sealed partial class RedisCacheConnection : IDisposable
{
    /// <summary>The start-up error: names both settings, never a value (the Redis string is a secret).</summary>
    public const string ClusterWithoutHashTag =
        $"{CacheOptions.SectionName}:{nameof(CacheOptions.RedisKeyPrefix)} has no Redis hash tag, and the Redis of "
        + $"{CacheOptions.SectionName}:{nameof(CacheOptions.Redis)} is a Redis Cluster, which refuses the cache's multi-key scripts "
        + "unless all their keys share one slot: put a hash tag in the prefix, such as {pitchey:cache}:";

    private readonly ConnectionMultiplexer? _multiplexer;
    private readonly bool _hashTagged;
    private readonly ILogger _logger;
    private int _refused;

    public RedisCacheConnection(IOptions<CacheOptions> options, ILogger<RedisCacheConnection> logger)
    {
        _logger = logger;
        _hashTagged = RedisHashTag.Of(options.Value.RedisKeyPrefix) is not null;
        _multiplexer = RedisMultiplexer.ConnectOrNull(options.Value.Redis, "pitchey-gateway-cache");
        if (_multiplexer is not null && !_hashTagged)
        {
            // A connection made after start-up (or to a server that became a Cluster): look again.
            _multiplexer.ConnectionRestored += (_, _) => CheckForCluster();
            _multiplexer.ConfigurationChanged += (_, _) => CheckForCluster();
        }
    }

    public IConnectionMultiplexer? Multiplexer => _multiplexer;

    /// <summary>True once a Cluster was seen behind a prefix without a hash tag: the store then leaves Redis alone.</summary>
    public bool Refused => Volatile.Read(ref _refused) != 0;

    /// <summary>At start-up: a Cluster behind a prefix without a hash tag stops it with <see cref="ClusterWithoutHashTag"/> (exit 78).</summary>
    public void EnsureUsable()
    {
        if (_multiplexer is not null && !_hashTagged && RedisMultiplexer.IsCluster(_multiplexer))
        {
            _multiplexer.Dispose(); // the host is never started, so never disposed either
            throw new OptionsValidationException(Options.DefaultName, typeof(CacheOptions), [ClusterWithoutHashTag]);
        }
    }

    /// <summary>After start-up (a new connection, a store error): a Cluster behind a prefix without a hash tag turns the store off, logged once.</summary>
    public void CheckForCluster()
    {
        if (_multiplexer is null || _hashTagged || Refused || !RedisMultiplexer.IsCluster(_multiplexer))
        {
            return;
        }

        if (Interlocked.Exchange(ref _refused, 1) == 0)
        {
            LogClusterWithoutHashTag(_logger);
        }
    }

    public void Dispose() => _multiplexer?.Dispose();
}
