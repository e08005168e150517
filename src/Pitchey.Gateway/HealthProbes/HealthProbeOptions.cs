using System.ComponentModel.DataAnnotations;

namespace Pitchey.Gateway.HealthProbes;

/// <summary>
/// How the probe cache runs the health checks. Bound from <c>HealthProbes</c>, read once at start-up:
/// a file edit cannot put an invalid value under a running probe (restart to change these).
/// </summary>
internal sealed class HealthProbeOptions
{
    public const string SectionName = "HealthProbes";

    /// <summary>
    /// How long a report is served before the checks run again. Default 00:00:10, range 1 s..1 h.
    /// The checks run at most once per TTL however many probes arrive.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "HealthProbes:CacheTtl must be between 00:00:01 and 01:00:00.")]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Hard limit on one run of all checks; a check still running then counts as failed.
    /// Default 00:00:02, range 50 ms..1 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "HealthProbes:RunTimeout must be between 00:00:00.050 and 00:01:00.")]
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Number of recent runs behind <c>errorRate</c> and <c>avgQueryTime</c>. Default 30, range 1..1000.</summary>
    [Range(1, 1000)]
    public int MetricsWindow { get; set; } = 30;
}
