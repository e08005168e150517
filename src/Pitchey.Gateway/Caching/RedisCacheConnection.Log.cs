using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Caching;

internal sealed partial class RedisCacheConnection
{
    [LoggerMessage(EventId = EventIds.CacheRedisClusterWithoutHashTag, EventName = nameof(EventIds.CacheRedisClusterWithoutHashTag), Level = LogLevel.Error,
        Message = "Response cache: the Redis of Cache:Redis is a Redis Cluster and Cache:RedisKeyPrefix has no hash tag, so the cache's "
            + "multi-key scripts would be refused; the shared cache is off and requests are answered uncached until the prefix has one, "
            + "such as {{pitchey:cache}}: (then restart)")]
    private static partial void LogClusterWithoutHashTag(ILogger logger);
}
