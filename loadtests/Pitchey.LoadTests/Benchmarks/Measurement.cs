using System.Diagnostics;
using System.Globalization;

namespace Pitchey.LoadTests.Benchmarks;

/// <summary>Times each scenario: three warm-up calls (statement preparation, caches, the snapshot), then the timed runs one after the other.</summary>
internal static class Measurement
{
    private const int WarmUpRuns = 3;

    public static async Task<List<QueryTiming>> MeasureAsync(
        IReadOnlyList<BenchScenario> scenarios, int iterations, TextWriter output, CancellationToken cancellationToken)
    {
        var results = new List<QueryTiming>();
        foreach (var scenario in scenarios)
        {
            for (var i = 0; i < WarmUpRuns; i++)
            {
                await scenario.Run(cancellationToken);
            }

            var samples = new double[iterations];
            for (var i = 0; i < iterations; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await scenario.Run(cancellationToken);
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(samples);
            var timing = new QueryTiming(
                scenario.Name, samples[iterations / 2], samples[Math.Max(0, (int)Math.Ceiling(iterations * 0.99) - 1)], iterations);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {scenario.Name}: median {timing.MedianMs:F3} ms, p99 {timing.P99Ms:F3} ms ({iterations} runs)"));
            results.Add(timing);
        }

        return results;
    }
}
