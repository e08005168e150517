using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Resilience;

internal sealed partial class ClusterBreaker
{
    [LoggerMessage(EventId = EventIds.BreakerOpened, EventName = nameof(EventIds.BreakerOpened), Level = LogLevel.Warning,
        Message = "Circuit breaker for cluster {ClusterId} opened for {BreakSeconds} s: requests are answered 503 without reaching the upstream")]
    private static partial void LogOpened(ILogger logger, string clusterId, double breakSeconds);

    [LoggerMessage(EventId = EventIds.BreakerHalfOpened, EventName = nameof(EventIds.BreakerHalfOpened), Level = LogLevel.Information,
        Message = "Circuit breaker for cluster {ClusterId} half-open: one probe request goes through")]
    private static partial void LogHalfOpened(ILogger logger, string clusterId);

    [LoggerMessage(EventId = EventIds.BreakerClosed, EventName = nameof(EventIds.BreakerClosed), Level = LogLevel.Information,
        Message = "Circuit breaker for cluster {ClusterId} closed (manual: {Manual})")]
    private static partial void LogClosed(ILogger logger, string clusterId, bool manual);

    [LoggerMessage(EventId = EventIds.BreakerIsolated, EventName = nameof(EventIds.BreakerIsolated), Level = LogLevel.Warning,
        Message = "Circuit breaker for cluster {ClusterId} isolated by an operator: nothing is forwarded until it is reset")]
    private static partial void LogIsolated(ILogger logger, string clusterId);

    [LoggerMessage(EventId = EventIds.UpstreamConnectRetry, EventName = nameof(EventIds.UpstreamConnectRetry), Level = LogLevel.Debug,
        Message = "Connecting to cluster {ClusterId} failed; retry {Attempt} in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, string clusterId, int attempt, double delayMs);
}
