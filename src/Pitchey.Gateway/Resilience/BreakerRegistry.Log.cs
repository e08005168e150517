using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Resilience;

internal sealed partial class BreakerRegistry
{
    [LoggerMessage(EventId = EventIds.ResilienceSettingsRejected, EventName = nameof(EventIds.ResilienceSettingsRejected), Level = LogLevel.Error,
        Message = "Changed Resilience settings were rejected, the previous ones stay in force: {Errors}")]
    private static partial void LogSettingsRejected(ILogger logger, string errors);

    [LoggerMessage(EventId = EventIds.BreakerSettingsChanged, EventName = nameof(EventIds.BreakerSettingsChanged), Level = LogLevel.Information,
        Message = "Resilience settings for cluster {ClusterId} changed; its breaker starts again closed")]
    private static partial void LogSettingsChanged(ILogger logger, string clusterId);
}
