namespace Pitchey.LoadTests.Benchmarks;

/// <summary>The measured times of one <see cref="BenchScenario"/>.</summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="MedianMs">Median of the runs, in milliseconds.</param>
/// <param name="P99Ms">99th percentile of the runs, in milliseconds.</param>
/// <param name="Runs">How many runs were timed (warm-up runs not counted).</param>
internal sealed record QueryTiming(string Name, double MedianMs, double P99Ms, int Runs);
