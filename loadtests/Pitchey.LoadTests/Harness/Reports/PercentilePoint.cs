namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>One step of a percentile distribution (HdrHistogram's, five steps per halving of the distance to 100 %): what a latency-by-percentile chart plots.</summary>
/// <param name="Percentile">0..100.</param>
/// <param name="ValueUs">The latency at or below which <see cref="Percentile"/> % of the requests ended, in µs.</param>
/// <param name="Count">Requests at or below <see cref="ValueUs"/>.</param>
internal sealed record PercentilePoint(double Percentile, long ValueUs, long Count);
