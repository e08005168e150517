namespace Pitchey.Database.Routing;

/// <summary>
/// How reads are spread over the primary and the replicas, how hosts are watched, and how
/// failures are retried or cut off. Bound from <c>Database:Routing</c>; bounds in
/// <see cref="DatabaseRoutingConstants"/>, checked by <see cref="DatabaseRoutingOptionsValidator"/>.
/// </summary>
public sealed class DatabaseRoutingOptions
{
    public const string SectionName = "Database:Routing";

    /// <summary>How often the monitor checks every host. Default 2 s, range 50 ms..5 min.</summary>
    public TimeSpan MonitorInterval { get; set; } = DatabaseRoutingConstants.DefaultMonitorInterval;

    /// <summary>
    /// How long one host check may take before the host counts as unreachable. Default 1 s,
    /// range 50 ms..1 min, and at most <see cref="MonitorInterval"/>.
    /// </summary>
    public TimeSpan MonitorTimeout { get; set; } = DatabaseRoutingConstants.DefaultMonitorTimeout;

    /// <summary>
    /// How long a write's response may wait for the primary's WAL position (read-your-writes)
    /// before it goes out without it. Default 1 s, range 50 ms..30 s.
    /// </summary>
    public TimeSpan LsnTimeout { get; set; } = DatabaseRoutingConstants.DefaultLsnTimeout;

    /// <summary>
    /// Replay lag a replica may have and still serve reads that have no rule of their own, in
    /// seconds. Default 5, range 0..86400.
    /// </summary>
    public double MaxLagSeconds { get; set; } = DatabaseRoutingConstants.DefaultMaxLagSeconds;

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
    public int ReadRetries { get; set; } = DatabaseRoutingConstants.DefaultReadRetries;

    /// <summary>First backoff delay of a read retry on the same host; doubles each time, with jitter. Default 50 ms, range 1 ms..10 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = DatabaseRoutingConstants.DefaultRetryBaseDelay;

    /// <summary>Primary circuit breaker: share of failed calls that opens it. Default 0.5, range 0.01..1.</summary>
    public double BreakerFailureRatio { get; set; } = DatabaseRoutingConstants.DefaultBreakerFailureRatio;

    /// <summary>Primary circuit breaker: calls needed in the sampling window before it may open. Default 5, range 2..10000.</summary>
    public int BreakerMinimumThroughput { get; set; } = DatabaseRoutingConstants.DefaultBreakerMinimumThroughput;

    /// <summary>Primary circuit breaker: the window failures are counted in. Default 10 s, range 0.5 s..10 min.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = DatabaseRoutingConstants.DefaultBreakerSamplingDuration;

    /// <summary>
    /// Primary circuit breaker: how long it stays open (calls fail at once with
    /// <see cref="DatabaseUnavailableException"/>) before one trial call may pass. Default 5 s, range 0.5 s..10 min.
    /// </summary>
    public TimeSpan BreakerBreakDuration { get; set; } = DatabaseRoutingConstants.DefaultBreakerBreakDuration;

    /// <summary>The rule for <paramref name="queryName"/>: its own, else the defaults.</summary>
    internal (RoutingTarget Target, double MaxLagSeconds) RuleFor(string queryName) =>
        Rules.TryGetValue(queryName, out var rule)
            ? (rule.TargetKind ?? RoutingTarget.Replica, rule.MaxLagSeconds ?? MaxLagSeconds)
            : (RoutingTarget.Replica, MaxLagSeconds);
}
