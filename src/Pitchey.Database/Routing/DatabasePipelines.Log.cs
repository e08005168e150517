using Microsoft.Extensions.Logging;
using Pitchey.Database.Diagnostics;

namespace Pitchey.Database.Routing;

public static partial class DatabasePipelines
{
    [LoggerMessage(EventId = EventIds.BreakerOpened, EventName = nameof(EventIds.BreakerOpened), Level = LogLevel.Warning,
        Message = "Primary database circuit opened for {BreakMs} ms: calls that need the primary fail fast")]
    private static partial void LogBreakerOpened(ILogger logger, long breakMs);

    [LoggerMessage(EventId = EventIds.BreakerHalfOpened, EventName = nameof(EventIds.BreakerHalfOpened), Level = LogLevel.Information,
        Message = "Primary database circuit half-open: letting a trial call through")]
    private static partial void LogBreakerHalfOpened(ILogger logger);

    [LoggerMessage(EventId = EventIds.BreakerClosed, EventName = nameof(EventIds.BreakerClosed), Level = LogLevel.Information,
        Message = "Primary database circuit closed: the primary answers again")]
    private static partial void LogBreakerClosed(ILogger logger);
}
