namespace Pitchey.Database.Queries;

/// <summary>Defaults and bounds of <see cref="TunedQueryOptions"/>, and the fixed size of browse's count cache.</summary>
internal static class TunedQueryConstants
{
    public const int DefaultExactCountLimit = 10_000;
    public const int MinExactCountLimit = 100;
    public const int MaxExactCountLimit = 10_000_000;

    public static readonly TimeSpan DefaultCountCacheTtl = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MinCountCacheTtl = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxCountCacheTtl = TimeSpan.FromHours(1);

    /// <summary>Filters are user input: the count cache keeps at most this many totals. Not a setting.</summary>
    public const int CountCacheSize = 10_000;

    public const int DefaultMaxOffset = 10_000;
    public const int MinMaxOffset = 0;
    public const int MaxMaxOffset = 1_000_000;

    public const int DefaultSearchCandidateLimit = 2_000;
    public const int MinSearchCandidateLimit = 100;
    public const int MaxSearchCandidateLimit = 1_000_000;

    public const int DefaultSearchExactCountLimit = 1_000;
    public const int MinSearchExactCountLimit = 100;
    public const int MaxSearchExactCountLimit = 1_000_000;

    public const int DefaultShortTermScanLimit = 10_000;
    public const int MinShortTermScanLimit = 100;
    public const int MaxShortTermScanLimit = 1_000_000;

    public static readonly TimeSpan DefaultSessionCacheTtl = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MinSessionCacheTtl = TimeSpan.Zero;
    public static readonly TimeSpan MaxSessionCacheTtl = TimeSpan.FromMinutes(10);

    public const int DefaultSessionCacheSize = 100_000;
    public const int MinSessionCacheSize = 1;
    public const int MaxSessionCacheSize = 10_000_000;

    public static readonly TimeSpan DefaultPlatformStatsInterval = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MinPlatformStatsInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxPlatformStatsInterval = TimeSpan.FromHours(1);

    /// <summary>The shortest cursor secret accepted: HMAC-SHA256 wants a key of at least 32 bytes.</summary>
    public const int MinCursorSecretLength = 32;
}
