using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Management;

internal sealed partial class ManagementGuard
{
    // The path only: never the Authorization header, whatever it held.
    [LoggerMessage(EventId = EventIds.ManagementRequestRefused, EventName = nameof(EventIds.ManagementRequestRefused),
        Level = LogLevel.Information, Message = "Management request to {Path} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason, string path);
}
