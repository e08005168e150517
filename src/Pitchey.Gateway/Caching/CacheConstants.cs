namespace Pitchey.Gateway.Caching;

/// <summary>Defaults and bounds of <see cref="CacheOptions"/> and <see cref="CachePolicyOptions"/>, checked by <see cref="CacheOptionsValidator"/>.</summary>
internal static class CacheConstants
{
    public const long DefaultSizeLimit = 256L * 1024 * 1024;
    public const long MinSizeLimit = 1024 * 1024;
    public const long MaxSizeLimit = 64L * 1024 * 1024 * 1024;
    public const long DefaultMaxEntrySize = 1024 * 1024;
    public const long MinMaxEntrySize = 1024;

    public static readonly TimeSpan DefaultCoalesceTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxCoalesceTimeout = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DefaultRefreshTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MinRefreshTimeout = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxRefreshTimeout = TimeSpan.FromMinutes(5);

    public const string DefaultRedisKeyPrefix = "pitchey:cache:";
    public const int MaxRedisKeyPrefixLength = 100;

    /// <summary>The cookies that make a request someone's: the existing API's session cookies.</summary>
    public static readonly string[] DefaultSessionCookies = ["pitchey-session", "better-auth-session"];

    public static readonly TimeSpan MaxTtl = TimeSpan.FromDays(1);
    public static readonly TimeSpan MaxStaleWindow = TimeSpan.FromDays(7);

    /// <summary>Names of the tuned endpoints' policies: an endpoint is cached when its policy exists with a TTL above zero.</summary>
    public const string BrowsePolicy = "browse";
    public const string SearchPolicy = "search";
    public const string StatsPolicy = "stats";
    public const string SessionPolicy = "session";
    public const string CreatorDashboardPolicy = "creator-dashboard";

    /// <summary>The response header naming what the cache did.</summary>
    public const string Header = "X-Cache";
}
