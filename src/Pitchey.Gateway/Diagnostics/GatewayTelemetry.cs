using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pitchey.Gateway.Diagnostics;

/// <summary>The gateway's one <see cref="ActivitySource"/> and one <see cref="Meter"/>.</summary>
internal static class GatewayTelemetry
{
    public const string Name = "Pitchey.Gateway";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Health-check runs, tagged with the resulting status.</summary>
    public static readonly Counter<long> HealthRuns =
        Meter.CreateCounter<long>("pitchey.health.runs", description: "Health-check runs (the probe cache refreshes).");

    public static readonly Histogram<double> HealthRunDuration =
        Meter.CreateHistogram<double>("pitchey.health.run.duration", unit: "s", description: "Duration of a health-check run.");
}
