using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.RateLimiting;

internal static partial class RateLimitingExtensions
{
    [LoggerMessage(EventId = EventIds.RedisRateLimiting, EventName = nameof(EventIds.RedisRateLimiting), Level = LogLevel.Information,
        Message = "Rate limits are counted in Redis (RateLimiting:Redis), shared with every gateway using it")]
    private static partial void LogShared(ILogger logger);
}
