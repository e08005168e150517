namespace Pitchey.Gateway.Caching;

/// <summary>
/// The response cache of the tuned endpoints and of the YARP routes that name a policy in their
/// <c>OutputCachePolicy</c>. Bound from <c>Cache</c> at start-up (a change needs a restart; routes in
/// <c>gateway.json</c> reload as usual); defaults and bounds in <see cref="CacheConstants"/>.
/// </summary>
internal sealed class CacheOptions
{
    public const string SectionName = "Cache";

    /// <summary>False turns the whole cache off: nothing is looked up or stored and no <c>X-Cache</c> is sent. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>redis:6379,password=...</c>): entries and
    /// evictions are then shared by every gateway using it. Unset: in memory, per gateway (the
    /// default). While Redis cannot be reached requests go to the backend uncached. A secret: never logged.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every Redis key the cache writes. Default <c>pitchey:cache:</c>, at most 100 characters.</summary>
    public string RedisKeyPrefix { get; set; } = CacheConstants.DefaultRedisKeyPrefix;

    /// <summary>In memory: the most bytes of entries kept; beyond, the least recently used go first. Default 256 MiB, range 1 MiB..64 GiB.</summary>
    public long SizeLimit { get; set; } = CacheConstants.DefaultSizeLimit;

    /// <summary>The largest response body stored; a larger one is answered but not kept. Default 1 MiB, range 1 KiB..<see cref="SizeLimit"/>.</summary>
    public long MaxEntrySize { get; set; } = CacheConstants.DefaultMaxEntrySize;

    /// <summary>
    /// How long a request waits for another request's fill of the same key; then it goes to the
    /// backend itself. 0: never wait (no coalescing). Default 5 s, range 0..1 min.
    /// </summary>
    public TimeSpan CoalesceTimeout { get; set; } = CacheConstants.DefaultCoalesceTimeout;

    /// <summary>The longest a background refresh (stale-while-revalidate) may run. Default 30 s, range 100 ms..5 min.</summary>
    public TimeSpan RefreshTimeout { get; set; } = CacheConstants.DefaultRefreshTimeout;

    /// <summary>Cookies that make a request someone's, so it never uses a shared entry. Default <c>pitchey-session</c>, <c>better-auth-session</c>; setting it replaces the list.</summary>
    public List<string>? SessionCookies { get; set; }

    /// <summary>The policies by name (case-insensitive). The shipped settings define the tuned endpoints' and the public listings'.</summary>
    public Dictionary<string, CachePolicyOptions> Policies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Which writes evict which tags. Default none; the shipped settings evict <c>pitches</c> on writes under <c>/api/pitches</c> and <c>/api/creator/pitches</c>.</summary>
    public List<CacheEvictionRule> WriteEvictions { get; set; } = [];

    public IReadOnlyList<string> SessionCookiesOrDefault() =>
        SessionCookies is { Count: > 0 } configured ? configured.ToArray() : CacheConstants.DefaultSessionCookies;
}
