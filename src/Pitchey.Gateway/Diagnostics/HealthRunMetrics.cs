using System.Diagnostics.Metrics;

namespace Pitchey.Gateway.Diagnostics;

/// <summary>Health-check run instruments, on the gateway's meter from <see cref="IMeterFactory"/>.</summary>
internal sealed class HealthRunMetrics
{
    public const string StatusTag = "status";

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;

    public HealthRunMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(GatewayTelemetry.Name);
        _runs = meter.CreateCounter<long>("pitchey.health.runs", description: "Health-check runs (the probe cache refreshes).");
        _duration = meter.CreateHistogram<double>("pitchey.health.run.duration", unit: "s", description: "Duration of a health-check run.");
    }

    /// <summary>One run finished with <paramref name="status"/> (healthy, degraded, unhealthy).</summary>
    public void RunCompleted(string status, TimeSpan duration)
    {
        _runs.Add(1, new KeyValuePair<string, object?>(StatusTag, status));
        _duration.Record(duration.TotalSeconds);
    }
}
