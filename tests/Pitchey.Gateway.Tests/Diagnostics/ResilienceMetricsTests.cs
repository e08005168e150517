using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pitchey.Gateway.Diagnostics;
using Pitchey.Gateway.Resilience;
using Polly;
using Measured = Pitchey.Gateway.Tests.Diagnostics.MeasurementRecorder.Measured;

namespace Pitchey.Gateway.Tests.Diagnostics;

public sealed class ResilienceMetricsTests
{
    private const string Cluster = "metrics-unit";

    [Fact]
    public async Task Transitions_Rejections_AndStateGauge_AreReportedPerCluster()
    {
        using var meters = new TestMeterFactory();
        using var recorder = new MeasurementRecorder(meters);
        using var registry = NewRegistry(meters);

        var breaker = registry.Get(Cluster);
        await FailTwiceAsync(breaker);
        breaker.CountRejection();
        recorder.Observe();

        Assert.Contains(new Measured("pitchey.breaker.transitions", 1, Cluster, "open"), recorder.Seen);
        Assert.Contains(new Measured("pitchey.breaker.rejections", 1, Cluster, null), recorder.Seen);
        Assert.Contains(new Measured("pitchey.breaker.state", 2, Cluster, null), recorder.Seen);
    }

    [Fact]
    public async Task TwoGatewaysInOneProcess_EachGaugeReportsItsOwnBreakers()
    {
        using var openMeters = new TestMeterFactory();
        using var closedMeters = new TestMeterFactory();
        using var openRecorder = new MeasurementRecorder(openMeters);
        using var closedRecorder = new MeasurementRecorder(closedMeters);
        using var open = NewRegistry(openMeters);
        using var closed = NewRegistry(closedMeters);

        await FailTwiceAsync(open.Get(Cluster));
        closed.Get(Cluster);
        openRecorder.Observe();
        closedRecorder.Observe();

        Assert.Equal(new Measured("pitchey.breaker.state", 2, Cluster, null), Assert.Single(openRecorder.Seen, m => m.Instrument == "pitchey.breaker.state"));
        Assert.Equal(new Measured("pitchey.breaker.state", 0, Cluster, null), Assert.Single(closedRecorder.Seen, m => m.Instrument == "pitchey.breaker.state"));
        Assert.DoesNotContain(closedRecorder.Seen, m => m.Instrument == "pitchey.breaker.transitions");
    }

    private static BreakerRegistry NewRegistry(TestMeterFactory meters)
    {
        var settings = new ResilienceOptions();
        settings.Clusters[Cluster] = new ClusterResilienceOptions { MinimumThroughput = 2 };
        return new BreakerRegistry(
            Options.Create(settings), [new ResilienceOptionsValidator()], new ConfigurationBuilder().Build(),
            new ResilienceMetrics(meters), new FakeTimeProvider(), NullLogger<BreakerRegistry>.Instance);
    }

    private static async Task FailTwiceAsync(ClusterBreaker breaker)
    {
        for (var i = 0; i < 2; i++)
        {
            var context = ResilienceContextPool.Shared.Get();
            await breaker.Pipeline.ExecuteOutcomeAsync(static (_, b) => ValueTask.FromResult(b.Record(ForwardOutcome.Failure)), context, breaker);
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
