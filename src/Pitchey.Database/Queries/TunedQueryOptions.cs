namespace Pitchey.Database.Queries;

/// <summary>
/// Knobs of the tuned queries. Bound from the <c>TunedQueries</c> section; bounds in
/// <see cref="TunedQueryConstants"/>, checked by <see cref="TunedQueryOptionsValidator"/>.
/// </summary>
public sealed class TunedQueryOptions
{
    public const string SectionName = "TunedQueries";

    /// <summary>
    /// Browse (search has its own, <see cref="SearchOptions.ExactCountLimit"/>): a match set up to this size is counted exactly; a bigger one reports the planner's
    /// estimate, flagged <c>totalIsEstimate</c>. Default 10,000; range 100-10,000,000.
    /// </summary>
    public int ExactCountLimit { get; set; } = TunedQueryConstants.DefaultExactCountLimit;

    /// <summary>
    /// Browse: how long a total is reused for the same filters (at most 10,000 filters are kept;
    /// a full cache evicts the least recently used). Default 60 s; range 1 s-1 h.
    /// </summary>
    public TimeSpan CountCacheTtl { get; set; } = TunedQueryConstants.DefaultCountCacheTtl;

    /// <summary>
    /// Browse: the deepest <c>offset</c> accepted (deeper pages use <c>cursor</c>, fast at any depth).
    /// Default 10,000; range 0-1,000,000.
    /// </summary>
    public int MaxOffset { get; set; } = TunedQueryConstants.DefaultMaxOffset;

    /// <summary>
    /// Search in <c>FullText</c> mode: at most this many matching rows are ranked, which bounds what a
    /// very common term costs; the total is then flagged as an estimate. Default 2,000; range 100-1,000,000.
    /// </summary>
    public int SearchCandidateLimit { get; set; } = TunedQueryConstants.DefaultSearchCandidateLimit;

    /// <summary>Search: its mode and the bounds of substring matching (<c>TunedQueries:Search</c>).</summary>
    public SearchOptions Search { get; set; } = new();

    /// <summary>
    /// Session: how long a looked-up session is reused (never past its <c>expires_at</c>).
    /// Default 30 s; range 0 (no cache) to 10 min.
    /// </summary>
    public TimeSpan SessionCacheTtl { get; set; } = TunedQueryConstants.DefaultSessionCacheTtl;

    /// <summary>
    /// Session: the most sessions kept in the cache; a full cache evicts the least recently used.
    /// Default 100,000; range 1-10,000,000.
    /// </summary>
    public int SessionCacheSize { get; set; } = TunedQueryConstants.DefaultSessionCacheSize;

    /// <summary>
    /// Session: <c>sessions.id</c> holds the lowercase hex SHA-256 of the token instead of the token
    /// (a stolen table then yields no usable token). Recommended for new deployments; the existing
    /// API stores plain tokens, so the default is false.
    /// </summary>
    public bool HashedSessionTokens { get; set; }

    /// <summary>Platform stats: how often the snapshot is refreshed. Default 60 s; range 1 s-1 h.</summary>
    public TimeSpan PlatformStatsInterval { get; set; } = TunedQueryConstants.DefaultPlatformStatsInterval;

    /// <summary>
    /// Browse: the secret that signs cursors (HMAC-SHA256), at least 32 characters. Default: a random
    /// secret per process, so a cursor is only valid on the instance that issued it until restart;
    /// set it (the same on every instance) behind a load balancer. Never logged.
    /// </summary>
    public string? CursorSecret { get; set; }
}
