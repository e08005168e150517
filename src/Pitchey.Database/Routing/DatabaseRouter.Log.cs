using Microsoft.Extensions.Logging;
using Pitchey.Database.Diagnostics;

namespace Pitchey.Database.Routing;

internal sealed partial class DatabaseRouter
{
    [LoggerMessage(EventId = EventIds.ReadFailedOver, EventName = nameof(EventIds.ReadFailedOver), Level = LogLevel.Debug,
        Message = "Read {QueryName} failed on {HostName}; retrying on another host")]
    private static partial void LogFailedOver(ILogger logger, string queryName, string hostName);

    [LoggerMessage(EventId = EventIds.ReadRetrying, EventName = nameof(EventIds.ReadRetrying), Level = LogLevel.Debug,
        Message = "Read {QueryName} failed on {HostName}; retrying after a backoff")]
    private static partial void LogRetrying(ILogger logger, string queryName, string hostName);
}
