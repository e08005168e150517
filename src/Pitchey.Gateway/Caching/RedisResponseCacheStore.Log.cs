using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Caching;

internal sealed partial class RedisResponseCacheStore
{
    [LoggerMessage(EventId = EventIds.CacheStoreTrouble, EventName = nameof(EventIds.CacheStoreTrouble), Level = LogLevel.Warning,
        Message = "Response cache: Redis {Operation} failed ({ExceptionType}); answering uncached until it is back (logged at most every 30 s)")]
    private static partial void LogTrouble(ILogger logger, string operation, string exceptionType);
}
