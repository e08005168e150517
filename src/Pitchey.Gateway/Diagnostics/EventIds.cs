using Microsoft.Extensions.Logging;

namespace Pitchey.Gateway.Diagnostics;

/// <summary>Every log event id the gateway uses, in one place so they stay unique.</summary>
internal static class EventIds
{
    // Health probes: 1000-1099
    public const int HealthRunCompleted = 1000;
    public const int HealthCheckTimedOut = 1001;
    public const int HealthCheckThrew = 1002;
    public const int HealthStatusChanged = 1003;

    // Proxy: 1100-1199
    public const int TrustedProxiesConfigured = 1100;

    // Tuned endpoints: 1400-1449
    public const int TunedQueryUnavailable = 1400;

    // Resilience: 1200-1299
    public const int BreakerOpened = 1200;
    public const int BreakerHalfOpened = 1201;
    public const int BreakerClosed = 1202;
    public const int BreakerIsolated = 1203;
    public const int UpstreamConnectRetry = 1204;
    public const int ResilienceSettingsRejected = 1205;
    public const int BreakerSettingsChanged = 1206;

    // Database routing (HTTP side): 1450-1499
    public const int LsnStampSkipped = 1450;

    public static EventId Of(int id, string name) => new(id, name);
}
