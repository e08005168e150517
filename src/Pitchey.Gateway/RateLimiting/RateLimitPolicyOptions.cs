namespace Pitchey.Gateway.RateLimiting;

/// <summary>One policy under <c>RateLimiting:Policies:&lt;name&gt;</c>, applied per client address. Bounds in <see cref="RateLimitingConstants"/>.</summary>
internal sealed class RateLimitPolicyOptions
{
    /// <summary>Default <see cref="RateLimitAlgorithm.TokenBucket"/>.</summary>
    public RateLimitAlgorithm Algorithm { get; set; } = RateLimitAlgorithm.TokenBucket;

    /// <summary>Bucket size, requests per window, or requests in flight. Default 100, range 1..1000000.</summary>
    public int PermitLimit { get; set; } = RateLimitingConstants.DefaultPermitLimit;

    /// <summary>The window, or the bucket's refill period. Default 00:00:01, range 1 ms..1 day.</summary>
    public TimeSpan Window { get; set; } = RateLimitingConstants.DefaultWindow;

    /// <summary>Tokens added every <see cref="Window"/> (token bucket). Default 50, range 1..1000000.</summary>
    public int TokensPerPeriod { get; set; } = RateLimitingConstants.DefaultTokensPerPeriod;

    /// <summary>Steps of a sliding window (in memory; Redis slides exactly). Default 4, range 1..1000.</summary>
    public int SegmentsPerWindow { get; set; } = RateLimitingConstants.DefaultSegmentsPerWindow;

    /// <summary>Requests held waiting for a permit instead of refused at once. Default 0, range 0..10000.</summary>
    public int QueueLimit { get; set; }
}
