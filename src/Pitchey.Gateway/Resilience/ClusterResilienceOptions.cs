namespace Pitchey.Gateway.Resilience;

/// <summary>One cluster's circuit breaker and retry settings; bounds in <see cref="ClusterResilienceConstants"/>.</summary>
internal sealed class ClusterResilienceOptions
{
    /// <summary>
    /// Share of failed requests, within <see cref="SamplingDuration"/>, that opens the breaker.
    /// Default 0.5, range 0.01..1.
    /// </summary>
    public double FailureRatio { get; set; } = ClusterResilienceConstants.DefaultFailureRatio;

    /// <summary>
    /// Requests that must have been seen within <see cref="SamplingDuration"/> before the ratio
    /// can open the breaker. Default 10, range 2..100000.
    /// </summary>
    public int MinimumThroughput { get; set; } = ClusterResilienceConstants.DefaultMinimumThroughput;

    /// <summary>The window the failure ratio is measured over. Default 00:00:30, range 0.5 s..1 day.</summary>
    public TimeSpan SamplingDuration { get; set; } = ClusterResilienceConstants.DefaultSamplingDuration;

    /// <summary>
    /// How long an open breaker rejects requests before letting one probe through.
    /// Default 00:00:15, range 0.5 s..1 day.
    /// </summary>
    public TimeSpan BreakDuration { get; set; } = ClusterResilienceConstants.DefaultBreakDuration;

    /// <summary>
    /// Upstream status codes that count as failures: comma-separated codes (<c>408</c>) or classes
    /// (<c>5xx</c>). Default <c>5xx,408</c>; empty means no status counts. Transport failures,
    /// upstream resets and timeouts always count; client aborts never do.
    /// </summary>
    public string FailureStatusCodes { get; set; } = ClusterResilienceConstants.DefaultFailureStatusCodes;

    /// <summary>
    /// Extra attempts for a GET, HEAD or OPTIONS without a body whose connection to the upstream
    /// failed before any byte was sent. Default 2, range 0..10.
    /// </summary>
    public int MaxRetries { get; set; } = ClusterResilienceConstants.DefaultMaxRetries;

    /// <summary>
    /// First retry delay; each next one doubles, with jitter, all inside the route's timeout.
    /// Default 00:00:00.100, range 0..10 s.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = ClusterResilienceConstants.DefaultRetryBaseDelay;
}
