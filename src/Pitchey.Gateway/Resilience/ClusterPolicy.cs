namespace Pitchey.Gateway.Resilience;

/// <summary>
/// One cluster's validated settings, as an immutable value: a breaker is rebuilt (and starts
/// again closed) only when its policy is no longer equal to the configured one.
/// </summary>
internal sealed record ClusterPolicy(
    double FailureRatio,
    int MinimumThroughput,
    TimeSpan SamplingDuration,
    TimeSpan BreakDuration,
    string FailureStatusCodes,
    int MaxRetries,
    TimeSpan RetryBaseDelay)
{
    public static ClusterPolicy From(ClusterResilienceOptions options) => new(
        options.FailureRatio,
        options.MinimumThroughput,
        options.SamplingDuration,
        options.BreakDuration,
        options.FailureStatusCodes,
        options.MaxRetries,
        options.RetryBaseDelay);
}
