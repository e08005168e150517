namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>A latency histogram of a scenario's own (microseconds, like every latency of the report).</summary>
/// <param name="Name">What was timed, e.g. "rejections while open (from send)", "first tenth".</param>
/// <param name="Latency">The figures and the distribution.</param>
internal sealed record FigureLatency(string Name, LatencyReport Latency);
