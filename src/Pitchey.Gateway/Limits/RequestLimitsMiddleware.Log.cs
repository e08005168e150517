using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Limits;

internal sealed partial class RequestLimitsMiddleware
{
    [LoggerMessage(EventId = EventIds.RequestBodyTooLarge, EventName = nameof(EventIds.RequestBodyTooLarge), Level = LogLevel.Information,
        Message = "Request body over the limit of route {RouteId} ({Limit} bytes): answered 413, nothing forwarded or the forward aborted")]
    private static partial void LogTooLarge(ILogger logger, string routeId, long limit);

    [LoggerMessage(EventId = EventIds.MethodRefused, EventName = nameof(EventIds.MethodRefused), Level = LogLevel.Debug,
        Message = "Request method refused at the edge with {StatusCode}")]
    private static partial void LogMethodRefused(ILogger logger, int statusCode);
}
