namespace Pitchey.Gateway.Alerts;

/// <summary>What an alert rule watches (<c>Alerts:Rules:&lt;name&gt;:Kind</c>).</summary>
internal enum AlertKind
{
    /// <summary>A tuned query's p95 over <c>Window</c> above <c>Threshold</c> milliseconds (one alert per query, or <c>Query</c> only).</summary>
    QueryLatency,

    /// <summary>The share of public requests answered 5xx over <c>Window</c> above <c>Threshold</c> (0..1).</summary>
    ErrorRate,

    /// <summary>An upstream cluster's circuit breaker not closed (open, half-open, isolated); <c>Cluster</c> narrows it to one.</summary>
    BreakerOpen,

    /// <summary>A replica's replay lag above <c>Threshold</c> seconds (default: <c>Database:Routing:MaxLagSeconds</c>, the routing budget).</summary>
    ReplicaLag,

    /// <summary>A connection pool's connections in use above <c>Threshold</c> (0..1) of its maximum.</summary>
    PoolSaturation,

    /// <summary>The database insight found an invalid index (a failed or cancelled concurrent build).</summary>
    InvalidIndex,

    /// <summary>
    /// The last health refresh whose checks all finished within the run timeout is older than
    /// <c>Threshold</c> seconds (default: TTL + run timeout): refreshes are stuck, or keep giving up on
    /// a check (a frozen database). A check that fails fast (a stopped database) is health, not this.
    /// </summary>
    ProbeRefresh,
}
