using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Caching;

internal sealed partial class ResponseCacheMiddleware
{
    [LoggerMessage(EventId = EventIds.CacheFailedServedStale, EventName = nameof(EventIds.CacheFailedServedStale), Level = LogLevel.Warning,
        Message = "Response cache: the backend of route {Route} threw ({ExceptionType}); its last good answer was served instead (stale-if-error)")]
    private static partial void LogFailedServedStale(ILogger logger, string route, string exceptionType);

    [LoggerMessage(EventId = EventIds.CacheEvictionFailed, EventName = nameof(EventIds.CacheEvictionFailed), Level = LogLevel.Warning,
        Message = "Response cache: evicting the tags of a write failed ({ExceptionType}); those entries live out their TTL")]
    private static partial void LogEvictionFailed(ILogger logger, string exceptionType);
}
