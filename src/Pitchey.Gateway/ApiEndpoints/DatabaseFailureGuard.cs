using Pitchey.Database.DataSources;
using Pitchey.Database.Routing;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>
/// Database trouble becomes a 503 in the API's envelope (with Retry-After when the router knows
/// when to retry); a client that went away is left alone; anything else is a bug and stays a 500.
/// Trouble is what <see cref="DatabaseErrors"/> classifies as connection, transient or timeout.
/// </summary>
internal sealed partial class DatabaseFailureGuard(ILogger<DatabaseFailureGuard> logger)
{
    /// <summary>Wraps a handler once, at mapping time, so a request allocates no delegate for the guard.</summary>
    public RequestDelegate Wrap(Func<HttpContext, Task> handle) => context => GuardedAsync(context, handle);

    private async Task GuardedAsync(HttpContext context, Func<HttpContext, Task> handle)
    {
        try
        {
            await handle(context);
        }
        catch (DatabaseUnavailableException exception) when (!context.Response.HasStarted)
        {
            LogUnavailable(logger, context.Request.Path, exception.Message);
            await ApiErrors.UnavailableAsync(context, exception.Message, exception.RetryAfter);
        }
        catch (Exception exception) when (IsDatabaseTrouble(exception) && !context.Response.HasStarted
                                          && !context.RequestAborted.IsCancellationRequested)
        {
            var reason = DatabaseErrors.Describe(exception);
            LogUnavailable(logger, context.Request.Path, reason);
            await ApiErrors.UnavailableAsync(context, reason, retryAfter: null);
        }
    }

    private static bool IsDatabaseTrouble(Exception exception) =>
        DatabaseErrors.Classify(exception) is DatabaseErrorKind.Connection or DatabaseErrorKind.Transient or DatabaseErrorKind.Timeout;

    [LoggerMessage(EventId = EventIds.ApiDatabaseUnavailable, EventName = nameof(EventIds.ApiDatabaseUnavailable), Level = LogLevel.Warning,
        Message = "API endpoint {Path} answered 503: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, PathString path, string reason);
}
