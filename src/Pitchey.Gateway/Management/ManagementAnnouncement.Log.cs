using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Management;

internal sealed partial class ManagementAnnouncement
{
    [LoggerMessage(EventId = EventIds.ManagementListening, EventName = nameof(EventIds.ManagementListening), Level = LogLevel.Information,
        Message = "Management plane listening on {Addresses} (metrics without key: {MetricsAnonymous})")]
    private static partial void LogListening(ILogger logger, string addresses, bool metricsAnonymous);

    [LoggerMessage(EventId = EventIds.ManagementOff, EventName = nameof(EventIds.ManagementOff), Level = LogLevel.Information,
        Message = "Management plane off: Management:ApiKeySha256 is not set, so /metrics, the status page and the admin endpoints are not served")]
    private static partial void LogOff(ILogger logger);
}
