using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Errors;

internal sealed partial class UnhandledErrorMiddleware
{
    [LoggerMessage(EventId = EventIds.UnhandledException, EventName = nameof(EventIds.UnhandledException), Level = LogLevel.Error,
        Message = "Unhandled exception answering {Method} {Path}; answered 500 without its text")]
    private static partial void LogUnhandled(ILogger logger, string method, PathString path, Exception exception);

    [LoggerMessage(EventId = EventIds.RequestRefused, EventName = nameof(EventIds.RequestRefused), Level = LogLevel.Debug,
        Message = "A {Method} request was refused by the server with {StatusCode}")]
    private static partial void LogRefused(ILogger logger, string method, int statusCode);

    [LoggerMessage(EventId = EventIds.ClientGone, EventName = nameof(EventIds.ClientGone), Level = LogLevel.Debug,
        Message = "A {Method} request ended because the client went away")]
    private static partial void LogClientGone(ILogger logger, string method);
}
