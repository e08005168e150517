namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>One second of the run as the live display shows it (all targets together, warm-up included).</summary>
/// <param name="Elapsed">Seconds since load began.</param>
/// <param name="Phase">"warm-up", "measuring" or "draining".</param>
/// <param name="TargetRate">Requests per second asked for; null in the closed model.</param>
/// <param name="Completed">Requests completed in this second: the achieved rate.</param>
/// <param name="P50Us">Median corrected latency of this second, in µs.</param>
/// <param name="P99Us">99th percentile corrected latency of this second, in µs.</param>
/// <param name="Errors">Failed requests in this second.</param>
/// <param name="TotalErrors">Failed requests in the measured window so far.</param>
/// <param name="TotalSent">Requests of the measured window so far.</param>
internal sealed record ProgressSample(
    double Elapsed, string Phase, double? TargetRate, long Completed, long P50Us, long P99Us, long Errors, long TotalErrors, long TotalSent);
