namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>
/// One latency histogram of a series, in microseconds (three significant digits). Corrected
/// latency runs from a request's due time, uncorrected from its send time; in the closed model the
/// two are the same. A histogram with no values has every figure 0 and an empty distribution.
/// </summary>
/// <param name="Count">Values recorded.</param>
/// <param name="MinUs">Shortest.</param>
/// <param name="MeanUs">Arithmetic mean.</param>
/// <param name="P50Us">Median.</param>
/// <param name="P90Us">90th percentile.</param>
/// <param name="P99Us">99th percentile.</param>
/// <param name="P999Us">99.9th percentile.</param>
/// <param name="MaxUs">Longest.</param>
/// <param name="Distribution">The whole distribution, for charts.</param>
internal sealed record LatencyReport(
    long Count, long MinUs, double MeanUs, long P50Us, long P90Us, long P99Us, long P999Us, long MaxUs, IReadOnlyList<PercentilePoint> Distribution);
