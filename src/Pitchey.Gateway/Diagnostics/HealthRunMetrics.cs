using System.Diagnostics.Metrics;

namespace Pitchey.Gateway.Diagnostics;

/// <summary>Health-check run instruments, on the gateway's meter from <see cref="IMeterFactory"/>.</summary>
internal sealed class HealthRunMetrics
{
    public const string StatusTag = "status";

    /// <summary>Seconds: a run is bounded by HealthProbes:RunTimeout (2 s by default).</summary>
    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;

    public HealthRunMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(GatewayTelemetry.Name);
        _runs = meter.CreateCounter<long>("pitchey.health.runs", description: "Health-check runs (the probe cache refreshes).");
        _duration = meter.CreateHistogram(
            "pitchey.health.run.duration", unit: "s", description: "Duration of a health-check run.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    /// <summary>One run finished with <paramref name="status"/> (healthy, degraded, unhealthy).</summary>
    public void RunCompleted(string status, TimeSpan duration)
    {
        _runs.Add(1, new KeyValuePair<string, object?>(StatusTag, status));
        _duration.Record(duration.TotalSeconds);
    }
}
