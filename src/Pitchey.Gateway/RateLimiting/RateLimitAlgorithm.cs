namespace Pitchey.Gateway.RateLimiting;

/// <summary>The limiters of <c>System.Threading.RateLimiting</c> (and their Redis twins) a policy may use.</summary>
internal enum RateLimitAlgorithm
{
    /// <summary>A bucket of <c>PermitLimit</c> tokens, refilled by <c>TokensPerPeriod</c> every <c>Window</c>: bursts, then a steady rate.</summary>
    TokenBucket,

    /// <summary><c>PermitLimit</c> requests per <c>Window</c>, counted from the window's start.</summary>
    FixedWindow,

    /// <summary><c>PermitLimit</c> requests in any <c>Window</c>, in <c>SegmentsPerWindow</c> steps.</summary>
    SlidingWindow,

    /// <summary>At most <c>PermitLimit</c> requests in flight at once.</summary>
    Concurrency,
}
