using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Limits;

internal static partial class LimitsExtensions
{
    [LoggerMessage(EventId = EventIds.TunedEndpointTimedOut, EventName = nameof(EventIds.TunedEndpointTimedOut), Level = LogLevel.Warning,
        Message = "Tuned endpoint {Path} timed out (Limits:TunedEndpointTimeout); its query was cancelled and 504 answered")]
    private static partial void LogTunedTimeout(ILogger logger, PathString path);
}
