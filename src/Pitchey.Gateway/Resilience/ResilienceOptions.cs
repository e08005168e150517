using System.ComponentModel.DataAnnotations;

namespace Pitchey.Gateway.Resilience;

/// <summary>
/// Fault handling in front of each YARP cluster. Bound from <c>Resilience</c>; each cluster's
/// settings sit under <c>Resilience:Clusters:&lt;clusterId&gt;</c>, and a cluster without an entry
/// gets the defaults below. Reloaded when the configuration files change.
/// </summary>
internal sealed class ResilienceOptions
{
    public const string SectionName = "Resilience";

    /// <summary>Per-cluster settings, keyed by the cluster id used under <c>ReverseProxy:Clusters</c>.</summary>
    public Dictionary<string, ClusterResilienceOptions> Clusters { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ClusterResilienceOptions For(string clusterId) =>
        Clusters.TryGetValue(clusterId, out var options) ? options : Default;

    private static readonly ClusterResilienceOptions Default = new();
}

/// <summary>One cluster's circuit breaker and retry settings.</summary>
internal sealed class ClusterResilienceOptions
{
    /// <summary>
    /// Share of failed requests, within <see cref="SamplingDuration"/>, that opens the breaker.
    /// Default 0.5, range 0.01..1.
    /// </summary>
    [Range(0.01, 1.0, ErrorMessage = "must be between 0.01 and 1.")]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>
    /// Requests that must have been seen within <see cref="SamplingDuration"/> before the ratio
    /// can open the breaker. Default 10, range 2..100000.
    /// </summary>
    [Range(2, 100_000, ErrorMessage = "must be between 2 and 100000.")]
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The window the failure ratio is measured over. Default 00:00:30, range 0.5 s..1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00", ErrorMessage = "must be between 00:00:00.500 and 1.00:00:00.")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an open breaker rejects requests before letting one probe through.
    /// Default 00:00:15, range 0.5 s..1 day.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00", ErrorMessage = "must be between 00:00:00.500 and 1.00:00:00.")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Upstream status codes that count as failures: comma-separated codes (<c>408</c>) or classes
    /// (<c>5xx</c>). Default <c>5xx,408</c>. Transport failures, upstream resets and timeouts always
    /// count; client aborts never do.
    /// </summary>
    [Required(AllowEmptyStrings = true, ErrorMessage = "is required.")]
    public string FailureStatusCodes { get; set; } = "5xx,408";

    /// <summary>
    /// Extra attempts for a GET, HEAD or OPTIONS without a body whose connection to the upstream
    /// failed before any byte was sent. Default 2, range 0..10.
    /// </summary>
    [Range(0, 10, ErrorMessage = "must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// First retry delay; each next one doubles, with jitter, all inside the route's timeout.
    /// Default 00:00:00.100, range 0..10 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10", ErrorMessage = "must be between 00:00:00 and 00:00:10.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}
