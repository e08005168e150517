namespace Pitchey.Gateway.HealthProbes;

/// <summary>
/// How the probe cache runs the health checks. Bound from <c>HealthProbes</c>, read once at start-up:
/// a file edit cannot put an invalid value under a running probe (restart to change these).
/// Bounds in <see cref="HealthProbeConstants"/>.
/// </summary>
internal sealed class HealthProbeOptions
{
    public const string SectionName = "HealthProbes";

    /// <summary>
    /// How long a report is served before the checks run again. Default 00:00:10, range 1 s..1 h.
    /// The checks run at most once per TTL however many probes arrive.
    /// </summary>
    public TimeSpan CacheTtl { get; set; } = HealthProbeConstants.DefaultCacheTtl;

    /// <summary>
    /// Hard limit on one run of all checks; a check still running then counts as failed.
    /// Default 00:00:02, range 50 ms..1 min.
    /// </summary>
    public TimeSpan RunTimeout { get; set; } = HealthProbeConstants.DefaultRunTimeout;

    /// <summary>Number of recent runs behind <c>errorRate</c> and <c>avgQueryTime</c>. Default 30, range 1..1000.</summary>
    public int MetricsWindow { get; set; } = HealthProbeConstants.DefaultMetricsWindow;
}
