using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Limits;

internal sealed partial class RouteLimitsCache
{
    [LoggerMessage(EventId = EventIds.RouteLimitsInvalid, EventName = nameof(EventIds.RouteLimitsInvalid), Level = LogLevel.Error,
        Message = "Route {RouteId} has metadata {Key} that does not parse after a reload; the Limits default applies to it")]
    private static partial void LogInvalid(ILogger logger, string routeId, string key);
}
