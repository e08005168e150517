namespace Pitchey.LoadTests.Harness.Thresholds;

/// <summary>
/// One parsed <c>--threshold</c>: <c>[label.]metric op limit[unit]</c>, e.g. <c>p99&lt;5ms</c>,
/// <c>errors&lt;0.1%</c>, <c>rps&gt;20000</c>, <c>search.p99&lt;50ms</c>. Latency limits are kept in
/// microseconds; <see cref="Share"/> says a count metric's limit is a percentage.
/// </summary>
/// <param name="Expression">As written.</param>
/// <param name="Label">The request label it applies to; null: the target's total.</param>
/// <param name="Metric">What is judged.</param>
/// <param name="Operator">"&lt;", "&lt;=", "&gt;" or "&gt;=".</param>
/// <param name="Limit">µs for latencies, requests/s for rps, a percentage or a count otherwise.</param>
/// <param name="Share">Errors, late or dropped as a percentage of sent requests.</param>
internal sealed record Threshold(string Expression, string? Label, ThresholdMetric Metric, string Operator, double Limit, bool Share)
{
    public bool IsLatency => Metric is ThresholdMetric.P50 or ThresholdMetric.P90 or ThresholdMetric.P99 or ThresholdMetric.P999
        or ThresholdMetric.Max or ThresholdMetric.Mean;

    /// <summary>The metric as the report names it.</summary>
    public string MetricName => Metric switch
    {
        ThresholdMetric.P999 => "p99.9",
        _ => Metric.ToString().ToLowerInvariant(),
    };

    public string Unit => IsLatency ? "us" : Metric == ThresholdMetric.Rps ? "rps" : Share ? "%" : "count";

    public bool Holds(double actual) => Operator switch
    {
        "<" => actual < Limit,
        "<=" => actual <= Limit,
        ">" => actual > Limit,
        ">=" => actual >= Limit,
        _ => false,
    };
}
