using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace Pitchey.Gateway.IntegrationTests.Resilience;

/// <summary>
/// The open-breaker rejection path, measured: not a timed test (it asserts counts only), but it
/// prints the latency figures that docs/benchmarks.md records. A longer run:
/// <c>PITCHEY_BENCH_REQUESTS=20000 dotnet test ... --filter RejectionBenchmark --logger "console;verbosity=detailed"</c>.
/// </summary>
[Collection(SharedEnvironmentCollection.Name)]
public sealed class RejectionBenchmarkTests(SharedEnvironment shared, ITestOutputHelper output)
{
    [Fact]
    public async Task OpenBreaker_Rejections_NeverReachTheUpstream()
    {
        var requests = int.TryParse(Environment.GetEnvironmentVariable("PITCHEY_BENCH_REQUESTS"), out var n) && n > 0 ? n : 2000;
        await using var gateway = await shared.StartGatewayAsync();
        using (var isolate = await gateway.Management.PostAsync("/admin/breakers/api/isolate", null))
        {
            isolate.EnsureSuccessStatusCode();
        }

        var before = await shared.StandIn.RequestCountAsync();
        for (var i = 0; i < 200; i++)
        {
            using var warm = await gateway.Client.GetAsync("/api/pitches");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, warm.StatusCode);
        }

        var samples = new double[requests];
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await gateway.Client.GetAsync("/api/pitches", HttpCompletionOption.ResponseHeadersRead);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.Equal(before, await shared.StandIn.RequestCountAsync());

        Array.Sort(samples);
        output.WriteLine(
            $"{requests} rejections, sequential, client-observed round trip on loopback: median {Percentile(samples, 0.5):F0} us, " +
            $"p90 {Percentile(samples, 0.9):F0} us, p99 {Percentile(samples, 0.99):F0} us, max {samples[^1]:F0} us; " +
            $"process-wide allocation (client and server) {allocated / requests} B/request; upstream requests: 0");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
