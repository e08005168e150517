using System.Diagnostics.Metrics;
using Pitchey.Gateway.HealthProbes;

namespace Pitchey.Gateway.Diagnostics;

/// <summary>
/// Probe-cache instruments, on the gateway's meter from <see cref="IMeterFactory"/>: probes served
/// from the cache (its hits: every answered probe is one) and the age of the report they got. Its
/// refreshes are <c>pitchey.health.runs</c> (<see cref="HealthRunMetrics"/>).
/// </summary>
internal sealed class ProbeCacheMetrics
{
    public const string ProbeTag = "probe";
    public const string Live = "live";
    public const string Ready = "ready";
    public const string Summary = "health";
    public const string ApiHealth = "api";

    private readonly Counter<long> _served;

    public ProbeCacheMetrics(IMeterFactory meterFactory, ProbeCache cache, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(GatewayTelemetry.Name);
        _served = meter.CreateCounter<long>(
            "pitchey.probe.served", description: "Probes answered from the cache, by probe (live, ready, health, api); none waits on a check.");
        meter.CreateObservableGauge(
            "pitchey.probe.report.age",
            () => cache.Current is { } current
                ? [new Measurement<double>(Math.Max(0, (time.GetUtcNow() - current.Report.CompletedAt).TotalSeconds))]
                : Array.Empty<Measurement<double>>(),
            unit: "s",
            description: "Age of the health report probes are answered with; above the TTL plus the run timeout it is stale.");
    }

    /// <summary>One probe answered; <paramref name="probe"/> is one of this class's constants.</summary>
    public void Served(string probe) => _served.Add(1, new KeyValuePair<string, object?>(ProbeTag, probe));
}
