using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.RateLimiting;

internal static partial class RateLimitRejection
{
    [LoggerMessage(EventId = EventIds.RateLimited, EventName = nameof(EventIds.RateLimited), Level = LogLevel.Debug,
        Message = "A {Method} request was over its client's rate limit: answered 429, retry after {RetryAfterSeconds} s")]
    private static partial void LogRejected(ILogger logger, string method, long retryAfterSeconds);
}
