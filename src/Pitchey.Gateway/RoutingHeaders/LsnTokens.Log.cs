using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.RoutingHeaders;

internal sealed partial class LsnTokens
{
    [LoggerMessage(EventId = EventIds.LsnSigningKeyGenerated, EventName = nameof(EventIds.LsnSigningKeyGenerated), Level = LogLevel.Information,
        Message = "Database:Routing:Http:LsnSigningKey is not set: read-your-writes tokens are signed with a key of this process only, so another gateway (or this one after a restart) ignores them")]
    private static partial void LogKeyGenerated(ILogger logger);
}
