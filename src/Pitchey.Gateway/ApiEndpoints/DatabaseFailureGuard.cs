using Pitchey.Database.DataSources;
using Pitchey.Database.Routing;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>
/// Database trouble becomes a 503 in the API's envelope (with Retry-After when the router knows
/// when to retry); input the database refused (SQLSTATE class 22) is a 400; a client that went away
/// is left alone; anything else is a bug, answered 500 by the gateway's error handler.
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
        catch (Exception exception) when (DatabaseErrors.Classify(exception) == DatabaseErrorKind.BadInput && !context.Response.HasStarted)
        {
            // Second line of defence: the parameter readers refuse such text before any query runs.
            LogBadInput(logger, context.Request.Path, DatabaseErrors.Describe(exception));
            await ApiErrors.ValidationAsync(context, "a parameter holds text or a value the database refuses");
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

    [LoggerMessage(EventId = EventIds.ApiBadInput, EventName = nameof(EventIds.ApiBadInput), Level = LogLevel.Warning,
        Message = "API endpoint {Path} answered 400: the database refused a parameter ({Reason}); a parameter reader should have caught it")]
    private static partial void LogBadInput(ILogger logger, PathString path, string reason);
}
