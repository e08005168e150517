using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// The Redis key names of the shared cache, all under <c>Cache:RedisKeyPrefix</c>: an entry
/// <c>&lt;prefix&gt;e:&lt;SHA-256 of the cache key, base64url&gt;</c>, a tag's set <c>&lt;prefix&gt;t:&lt;tag&gt;</c> and its
/// counter <c>&lt;prefix&gt;v:&lt;tag&gt;</c>. Nothing after the prefix can hold a brace (base64url; tags are
/// validated tokens), so a key's first <c>{...}</c> is the prefix's: with a hash tag in the prefix
/// every key of the cache is in one Redis Cluster slot, which its multi-key scripts need.
/// </summary>
internal sealed class RedisCacheKeys(string prefix)
{
    public RedisKey Entry(string cacheKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(cacheKey), hash);
        return prefix + "e:" + Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public RedisKey TagSet(string tag) => prefix + "t:" + tag;

    public RedisKey TagCounter(string tag) => prefix + "v:" + tag;
}
