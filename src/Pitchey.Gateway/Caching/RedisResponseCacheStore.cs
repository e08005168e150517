using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Pitchey.Gateway.Diagnostics;
using StackExchange.Redis;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// Entries in Redis (<c>Cache:Redis</c>), shared by every gateway using it: an entry one gateway
/// filled is a hit on the others, and an eviction by one is gone for all. Keys are
/// <c>{prefix}e:{SHA-256 of the cache key}</c> (string values, expiring at the entry's horizon);
/// each tag is a set <c>{prefix}t:{tag}</c> of the entry keys carrying it, which a Lua script
/// deletes with its members in one step. Redis trouble is a miss or an entry not kept, counted in
/// <c>pitchey.cache.store_errors</c> and logged at most every 30 s.
/// </summary>
internal sealed partial class RedisResponseCacheStore(
    RedisCacheConnection connection, IOptions<CacheOptions> options, CacheMetrics metrics, TimeProvider time,
    ILogger<RedisResponseCacheStore> logger) : IResponseCacheStore
{
    private const string EvictScript = """
        local n = 0
        for _, tag in ipairs(KEYS) do
          for _, member in ipairs(redis.call('SMEMBERS', tag)) do
            n = n + redis.call('DEL', member)
          end
          redis.call('DEL', tag)
        end
        return n
        """;

    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(30);

    private readonly string _prefix = options.Value.RedisKeyPrefix;
    private long _lastLogged = long.MinValue;

    private IDatabase Database => (connection.Multiplexer ?? throw new InvalidOperationException("Cache:Redis is not set")).GetDatabase();

    public async ValueTask<CachedResponse?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var value = await Database.StringGetAsync(EntryKey(key));
            return value.IsNull ? null : CachedResponseFormat.Read((byte[])value!);
        }
        catch (Exception exception) when (IsRedisTrouble(exception))
        {
            Trouble("read", exception);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, CachedResponse entry, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            var entryKey = EntryKey(key);
            var batch = Database.CreateBatch();
            var pending = new List<Task> { batch.StringSetAsync(entryKey, CachedResponseFormat.Write(entry), lifetime) };
            foreach (var tag in entry.Tags)
            {
                var tagKey = TagKey(tag);
                pending.Add(batch.SetAddAsync(tagKey, entryKey.ToString()));
                // A tag set lives as long as its longest-lived member: set when it has no expiry, raised when shorter.
                pending.Add(batch.KeyExpireAsync(tagKey, lifetime, ExpireWhen.HasNoExpiry));
                pending.Add(batch.KeyExpireAsync(tagKey, lifetime, ExpireWhen.GreaterThanCurrentExpiry));
            }

            batch.Execute();
            await Task.WhenAll(pending);
        }
        catch (Exception exception) when (IsRedisTrouble(exception))
        {
            Trouble("write", exception);
        }
    }

    public async ValueTask<long> EvictTagsAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        try
        {
            var keys = tags.Select(t => (RedisKey)TagKey(t)).ToArray();
            var result = await Database.ScriptEvaluateAsync(EvictScript, keys);
            return (long)result;
        }
        catch (Exception exception) when (IsRedisTrouble(exception))
        {
            Trouble("evict", exception);
            return 0;
        }
    }

    private RedisKey EntryKey(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return _prefix + "e:" + Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private string TagKey(string tag) => _prefix + "t:" + tag;

    private void Trouble(string operation, Exception exception)
    {
        metrics.StoreError(operation);
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastLogged);
        if ((last == long.MinValue || time.GetElapsedTime(last, now) >= LogEvery) && Interlocked.CompareExchange(ref _lastLogged, now, last) == last)
        {
            LogTrouble(logger, operation, exception.GetType().Name);
        }
    }

    private static bool IsRedisTrouble(Exception exception) =>
        exception is RedisException or TimeoutException or ObjectDisposedException or InvalidOperationException;
}
