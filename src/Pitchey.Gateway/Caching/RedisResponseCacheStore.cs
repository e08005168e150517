using Microsoft.Extensions.Options;
using Pitchey.Gateway.Diagnostics;
using StackExchange.Redis;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// Entries in Redis (<c>Cache:Redis</c>), shared by every gateway using it: an entry one gateway
/// filled is a hit on the others, and an eviction by one is gone for all. Keys are
/// <c>&lt;prefix&gt;e:&lt;SHA-256 of the cache key&gt;</c> (string values, expiring at the entry's horizon);
/// each tag is a set <c>&lt;prefix&gt;t:&lt;tag&gt;</c> of the entry keys carrying it, which a Lua script
/// deletes with its members in one step, moving the tag's counter <c>&lt;prefix&gt;v:&lt;tag&gt;</c> (shared by
/// every gateway, never expiring: one small integer per configured tag). Another script stores an
/// entry only while its tags' counters still sum to what the fill read when it began, so a fill on
/// one gateway racing a write's eviction on another stores nothing. Redis trouble is a miss or an entry not kept, counted in
/// <c>pitchey.cache.store_errors</c> and logged at most every 30 s. On a Redis Cluster every key
/// must share the prefix's hash tag (<see cref="RedisCacheKeys"/>); a Cluster behind a prefix
/// without one leaves the store unavailable (<see cref="RedisCacheConnection.Refused"/>).
/// </summary>
internal sealed partial class RedisResponseCacheStore(
    RedisCacheConnection connection, IOptions<CacheOptions> options, CacheMetrics metrics, TimeProvider time,
    ILogger<RedisResponseCacheStore> logger) : IResponseCacheStore
{
    // KEYS: the tag sets, then their counters in the same order.
    private const string EvictScript = """
        local tags = #KEYS / 2
        local n = 0
        for i = 1, tags do
          redis.call('INCR', KEYS[tags + i])
          for _, member in ipairs(redis.call('SMEMBERS', KEYS[i])) do
            n = n + redis.call('DEL', member)
          end
          redis.call('DEL', KEYS[i])
        end
        return n
        """;

    // KEYS: the entry, its tag sets, then their counters; ARGV: the value, its lifetime in ms, the
    // counters' sum the fill read. A tag set lives as long as its longest-lived member.
    private const string SetScript = """
        local tags = (#KEYS - 1) / 2
        local sum = 0
        for i = 1, tags do
          sum = sum + (tonumber(redis.call('GET', KEYS[1 + tags + i])) or 0)
        end
        if sum ~= tonumber(ARGV[3]) then
          return 0
        end
        local lifetime = tonumber(ARGV[2])
        redis.call('SET', KEYS[1], ARGV[1], 'PX', lifetime)
        for i = 1, tags do
          redis.call('SADD', KEYS[1 + i], KEYS[1])
          if redis.call('PTTL', KEYS[1 + i]) < lifetime then
            redis.call('PEXPIRE', KEYS[1 + i], lifetime)
          end
        end
        return 1
        """;

    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(30);

    private readonly RedisCacheKeys _keys = new(options.Value.RedisKeyPrefix);
    private long _lastLogged = long.MinValue;

    private IDatabase Database => (connection.Multiplexer ?? throw new InvalidOperationException("Cache:Redis is not set")).GetDatabase();

    /// <summary>False (the operation counted as a store error) while the connection is refused: a Cluster without a hash tag.</summary>
    private bool Usable(string operation)
    {
        if (!connection.Refused)
        {
            return true;
        }

        metrics.StoreError(operation);
        return false;
    }

    public async ValueTask<CachedResponse?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!Usable("read"))
        {
            return null;
        }

        try
        {
            var value = await Database.StringGetAsync(_keys.Entry(key));
            return value.IsNull ? null : CachedResponseFormat.Read((byte[])value!);
        }
        catch (Exception exception) when (IsRedisTrouble(exception))
        {
            Trouble("read", exception);
            return null;
        }
    }

    public async ValueTask<long> TagVersionAsync(string[] tags, CancellationToken cancellationToken)
    {
        if (tags.Length == 0)
        {
            return 0;
        }

        if (!Usable("read"))
        {
            return CacheTagVersions.Unknown;
        }

        try
        {
            var values = await Database.StringGetAsync(Array.ConvertAll(tags, _keys.TagCounter));
            long sum = 0;
            foreach (var value in values)
            {
                sum += value.IsNull ? 0 : (long)value;
            }

            return sum;
        }
        catch (Exception exception) when (IsRedisTrouble(exception))
        {
            Trouble("read", exception);
            return CacheTagVersions.Unknown;
        }
    }

    public async ValueTask<bool> SetAsync(string key, CachedResponse entry, TimeSpan lifetime, long tagVersion, CancellationToken cancellationToken)
    {
        if (lifetime <= TimeSpan.Zero || tagVersion == CacheTagVersions.Unknown || !Usable("write"))
        {
            return false;
        }

        try
        {
            var tags = entry.Tags;
            var keys = new RedisKey[1 + 2 * tags.Length];
            keys[0] = _keys.Entry(key);
            for (var i = 0; i < tags.Length; i++)
            {
                keys[1 + i] = _keys.TagSet(tags[i]);
                keys[1 + tags.Length + i] = _keys.TagCounter(tags[i]);
            }

            var lifetimeMs = Math.Max(1, (long)Math.Ceiling(lifetime.TotalMilliseconds));
            var result = await Database.ScriptEvaluateAsync(SetScript, keys, [CachedResponseFormat.Write(entry), lifetimeMs, tagVersion]);
            return (long)result == 1;
        }
        catch (Exception exception) when (IsRedisTrouble(exception))
        {
            Trouble("write", exception);
            return false;
        }
    }

    public async ValueTask<long> EvictTagsAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        if (!Usable("evict"))
        {
            return 0;
        }

        try
        {
            var keys = tags.Select(_keys.TagSet).Concat(tags.Select(_keys.TagCounter)).ToArray();
            var result = await Database.ScriptEvaluateAsync(EvictScript, keys);
            return (long)result;
        }
        catch (Exception exception) when (IsRedisTrouble(exception))
        {
            Trouble("evict", exception);
            return 0;
        }
    }

    private void Trouble(string operation, Exception exception)
    {
        metrics.StoreError(operation);
        if (exception is RedisServerException or RedisCommandException)
        {
            // Redis answered and refused: perhaps a Cluster seen only now (it was away at start-up)
            // refusing the multi-key scripts. An outage (no answer at all) is not worth the look on
            // every failing request.
            connection.CheckForCluster();
        }

        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastLogged);
        if ((last == long.MinValue || time.GetElapsedTime(last, now) >= LogEvery) && Interlocked.CompareExchange(ref _lastLogged, now, last) == last)
        {
            LogTrouble(logger, operation, exception.GetType().Name);
        }
    }

    private static bool IsRedisTrouble(Exception exception) =>
        exception is RedisException or RedisCommandException or TimeoutException or ObjectDisposedException or InvalidOperationException;
}
