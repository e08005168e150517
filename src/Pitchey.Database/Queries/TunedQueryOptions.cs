using System.ComponentModel.DataAnnotations;

namespace Pitchey.Database.Queries;

/// <summary>Knobs of the tuned queries. Bound from the <c>TunedQueries</c> section.</summary>
public sealed class TunedQueryOptions
{
    public const string SectionName = "TunedQueries";

    /// <summary>
    /// Browse: a match set up to this size is counted exactly; a bigger one reports the planner's
    /// estimate, flagged <c>totalIsEstimate</c>. Default 10,000; range 100-10,000,000.
    /// </summary>
    [Range(100, 10_000_000, ErrorMessage = "TunedQueries:ExactCountLimit must be between 100 and 10000000.")]
    public int ExactCountLimit { get; set; } = 10_000;

    /// <summary>Browse: how long a total is reused for the same filters. Default 60 s; range 1 s-1 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "TunedQueries:CountCacheTtl must be between 00:00:01 and 01:00:00.")]
    public TimeSpan CountCacheTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Browse: the deepest <c>offset</c> accepted (deeper pages use <c>cursor</c>, fast at any depth).
    /// Default 10,000; range 0-1,000,000.
    /// </summary>
    [Range(0, 1_000_000, ErrorMessage = "TunedQueries:MaxOffset must be between 0 and 1000000.")]
    public int MaxOffset { get; set; } = 10_000;

    /// <summary>
    /// Search: at most this many matching rows are ranked, which bounds what a very common term
    /// costs; the total is then flagged as an estimate. Default 2,000; range 100-1,000,000.
    /// </summary>
    [Range(100, 1_000_000, ErrorMessage = "TunedQueries:SearchCandidateLimit must be between 100 and 1000000.")]
    public int SearchCandidateLimit { get; set; } = 2_000;

    /// <summary>
    /// Session: how long a looked-up session is reused (never past its <c>expires_at</c>).
    /// Default 30 s; range 0 (no cache) to 10 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "TunedQueries:SessionCacheTtl must be between 00:00:00 and 00:10:00.")]
    public TimeSpan SessionCacheTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Session: the most sessions kept in the cache. Default 100,000; range 1-10,000,000.</summary>
    [Range(1, 10_000_000, ErrorMessage = "TunedQueries:SessionCacheSize must be between 1 and 10000000.")]
    public int SessionCacheSize { get; set; } = 100_000;

    /// <summary>
    /// Session: <c>sessions.id</c> holds the lowercase hex SHA-256 of the token instead of the token
    /// (a stolen table then yields no usable token). Recommended for new deployments; the existing
    /// API stores plain tokens, so the default is false.
    /// </summary>
    public bool HashedSessionTokens { get; set; }

    /// <summary>Platform stats: how often the snapshot is refreshed. Default 60 s; range 1 s-1 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "TunedQueries:PlatformStatsInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan PlatformStatsInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Browse: the secret that signs cursors (HMAC-SHA256), at least 32 characters. Default: a random
    /// secret per process, so a cursor is only valid on the instance that issued it until restart;
    /// set it (the same on every instance) behind a load balancer. Never logged.
    /// </summary>
    [MinLength(32, ErrorMessage = "TunedQueries:CursorSecret must be at least 32 characters.")]
    public string? CursorSecret { get; set; }
}
