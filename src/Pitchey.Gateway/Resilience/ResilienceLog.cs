using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Resilience;

internal static partial class ResilienceLog
{
    [LoggerMessage(EventId = EventIds.BreakerOpened, Level = LogLevel.Warning,
        Message = "Circuit breaker for cluster {ClusterId} opened for {BreakSeconds} s: requests are answered 503 without reaching the upstream")]
    public static partial void Opened(ILogger logger, string clusterId, double breakSeconds);

    [LoggerMessage(EventId = EventIds.BreakerHalfOpened, Level = LogLevel.Information,
        Message = "Circuit breaker for cluster {ClusterId} half-open: one probe request goes through")]
    public static partial void HalfOpened(ILogger logger, string clusterId);

    [LoggerMessage(EventId = EventIds.BreakerClosed, Level = LogLevel.Information,
        Message = "Circuit breaker for cluster {ClusterId} closed (manual: {Manual})")]
    public static partial void Closed(ILogger logger, string clusterId, bool manual);

    [LoggerMessage(EventId = EventIds.BreakerIsolated, Level = LogLevel.Warning,
        Message = "Circuit breaker for cluster {ClusterId} isolated by an operator: nothing is forwarded until it is reset")]
    public static partial void Isolated(ILogger logger, string clusterId);

    [LoggerMessage(EventId = EventIds.UpstreamConnectRetry, Level = LogLevel.Debug,
        Message = "Connecting to cluster {ClusterId} failed; retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string clusterId, int attempt, double delayMs);

    [LoggerMessage(EventId = EventIds.ResilienceSettingsRejected, Level = LogLevel.Error,
        Message = "Changed Resilience settings were rejected, the previous ones stay in force: {Errors}")]
    public static partial void SettingsRejected(ILogger logger, string errors);

    [LoggerMessage(EventId = EventIds.BreakerSettingsChanged, Level = LogLevel.Information,
        Message = "Resilience settings for cluster {ClusterId} changed; its breaker starts again closed")]
    public static partial void SettingsChanged(ILogger logger, string clusterId);
}
