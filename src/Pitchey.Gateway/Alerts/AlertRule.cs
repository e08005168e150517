namespace Pitchey.Gateway.Alerts;

/// <summary>A rule as the evaluator runs it: its name, parsed kind, threshold (with the kind's default applied) and settings.</summary>
internal sealed record AlertRule(string Name, AlertKind Kind, double? Threshold, AlertRuleOptions Settings)
{
    public string KindWord => Kind switch
    {
        AlertKind.QueryLatency => "query-latency",
        AlertKind.ErrorRate => "error-rate",
        AlertKind.BreakerOpen => "breaker-open",
        AlertKind.ReplicaLag => "replica-lag",
        AlertKind.PoolSaturation => "pool-saturation",
        AlertKind.InvalidIndex => "invalid-index",
        _ => "probe-refresh",
    };
}
