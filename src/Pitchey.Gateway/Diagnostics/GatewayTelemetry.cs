using System.Diagnostics;

namespace Pitchey.Gateway.Diagnostics;

/// <summary>
/// The gateway's telemetry name and its one <see cref="ActivitySource"/>. Its meter is not here:
/// each host gets its own from <see cref="System.Diagnostics.Metrics.IMeterFactory"/>
/// (<see cref="HealthRunMetrics"/>, <see cref="ResilienceMetrics"/>), so gateways sharing a
/// process never mix their figures.
/// </summary>
internal static class GatewayTelemetry
{
    /// <summary>The name of the gateway's meter and activity source.</summary>
    public const string Name = "Pitchey.Gateway";

    public static readonly ActivitySource ActivitySource = new(Name);
}
