using System.ComponentModel.DataAnnotations;

namespace Pitchey.Database.Routing;

/// <summary>
/// How reads are spread over the primary and the replicas, how hosts are watched, and how
/// failures are retried or cut off. Bound from <c>Database:Routing</c>.
/// </summary>
public sealed class DatabaseRoutingOptions
{
    public const string SectionName = "Database:Routing";

    /// <summary>How often the monitor checks every host. Default 2 s, range 0.05 s..5 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "00:05:00",
        ErrorMessage = "Database:Routing:MonitorInterval must be between 00:00:00.05 and 00:05:00.")]
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one host check may take before the host counts as unreachable. Default 1 s, range 0.05 s..1 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "00:01:00",
        ErrorMessage = "Database:Routing:MonitorTimeout must be between 00:00:00.05 and 00:01:00.")]
    public TimeSpan MonitorTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a write's response may wait for the primary's WAL position (read-your-writes)
    /// before it goes out without it. Default 1 s, range 0.05 s..30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "00:00:30",
        ErrorMessage = "Database:Routing:LsnTimeout must be between 00:00:00.05 and 00:00:30.")]
    public TimeSpan LsnTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Replay lag a replica may have and still serve reads that have no rule of their own, in
    /// seconds. Default 5, range 0..86400.
    /// </summary>
    [Range(0, 86_400, ErrorMessage = "Database:Routing:MaxLagSeconds must be between 0 and 86400.")]
    public double MaxLagSeconds { get; set; } = 5;

    /// <summary>
    /// Per-query rules, keyed by query name (see <see cref="QueryNames"/>), for example
    /// <c>Database:Routing:Rules:session:Target=Primary</c> or
    /// <c>Database:Routing:Rules:browse:MaxLagSeconds=30</c>. Default: none (every read may use a replica).
    /// </summary>
    public IDictionary<string, RoutingRule> Rules { get; } = new Dictionary<string, RoutingRule>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Retries of a read after a transient failure (connection refused or broken, failover in
    /// progress). The first retry goes to another host at once when there is one; later ones wait
    /// with exponential backoff and jitter. Writes are never retried. Default 2, range 0..5.
    /// </summary>
    [Range(0, 5, ErrorMessage = "Database:Routing:ReadRetries must be between 0 and 5.")]
    public int ReadRetries { get; set; } = 2;

    /// <summary>First backoff delay of a read retry on the same host; doubles each time, with jitter. Default 50 ms, range 1 ms..10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10",
        ErrorMessage = "Database:Routing:RetryBaseDelay must be between 00:00:00.001 and 00:00:10.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Primary circuit breaker: share of failed calls that opens it. Default 0.5, range 0.01..1.</summary>
    [Range(0.01, 1.0, ErrorMessage = "Database:Routing:BreakerFailureRatio must be between 0.01 and 1.")]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Primary circuit breaker: calls needed in the sampling window before it may open. Default 5, range 2..10000.</summary>
    [Range(2, 10_000, ErrorMessage = "Database:Routing:BreakerMinimumThroughput must be between 2 and 10000.")]
    public int BreakerMinimumThroughput { get; set; } = 5;

    /// <summary>Primary circuit breaker: the window failures are counted in. Default 10 s, range 0.5 s..10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "00:10:00",
        ErrorMessage = "Database:Routing:BreakerSamplingDuration must be between 00:00:00.5 and 00:10:00.")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Primary circuit breaker: how long it stays open (calls fail at once with
    /// <see cref="DatabaseUnavailableException"/>) before one trial call may pass. Default 5 s, range 0.5 s..10 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "00:10:00",
        ErrorMessage = "Database:Routing:BreakerBreakDuration must be between 00:00:00.5 and 00:10:00.")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The rule for <paramref name="queryName"/>: its own, else the defaults.</summary>
    internal (RoutingTarget Target, double MaxLagSeconds) RuleFor(string queryName) =>
        Rules.TryGetValue(queryName, out var rule)
            ? (rule.TargetKind ?? RoutingTarget.Replica, rule.MaxLagSeconds ?? MaxLagSeconds)
            : (RoutingTarget.Replica, MaxLagSeconds);
}

/// <summary>Where one named query may run.</summary>
public sealed class RoutingRule
{
    /// <summary>
    /// <c>Replica</c> (default): a replica within the lag budget, else the primary.
    /// <c>Primary</c>: always the primary (for example session lookups right after a login).
    /// A string, so that a typo stops start-up instead of silently meaning <c>Replica</c>.
    /// </summary>
    public string Target { get; set; } = nameof(RoutingTarget.Replica);

    /// <summary><see cref="Target"/> parsed; null when it names no target.</summary>
    internal RoutingTarget? TargetKind =>
        Enum.TryParse<RoutingTarget>(Target, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(Target, out _) ? kind : null;

    /// <summary>This query's lag budget in seconds, instead of <c>Database:Routing:MaxLagSeconds</c>. Range 0..86400.</summary>
    [Range(0, 86_400)]
    public double? MaxLagSeconds { get; set; }
}

/// <summary>Where a read may go.</summary>
public enum RoutingTarget
{
    /// <summary>A replica within the lag budget, else the primary.</summary>
    Replica,

    /// <summary>Always the primary.</summary>
    Primary,
}
