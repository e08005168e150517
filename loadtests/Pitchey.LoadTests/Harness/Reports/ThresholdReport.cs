namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>One threshold judged over the measured window of the first target (or of one of its labels).</summary>
/// <param name="Expression">As given, e.g. "p99&lt;5ms" or "search.p99&lt;50ms".</param>
/// <param name="Label">The label it applies to; null for the target's total.</param>
/// <param name="Metric">p50, p90, p99, p99.9, max, mean, errors, rps, late or dropped.</param>
/// <param name="Operator">&lt;, &lt;=, &gt; or &gt;=.</param>
/// <param name="Limit">The limit in the metric's unit: µs for latencies, % or a count for errors/late/dropped, requests/s for rps.</param>
/// <param name="Unit">"us", "%", "count" or "rps".</param>
/// <param name="Actual">The run's figure in the same unit; null when there was nothing to judge (no requests).</param>
/// <param name="Passed">The figure meets the limit.</param>
internal sealed record ThresholdReport(
    string Expression, string? Label, string Metric, string Operator, double Limit, string Unit, double? Actual, bool Passed);
