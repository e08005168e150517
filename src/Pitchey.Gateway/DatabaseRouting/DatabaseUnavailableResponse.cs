using System.Globalization;
using Pitchey.Database.Routing;

namespace Pitchey.Gateway.DatabaseRouting;

/// <summary>
/// Turns <see cref="DatabaseUnavailableException"/> from any database-backed endpoint into a 503
/// with Retry-After, in the existing API's error envelope (those endpoints serve its paths),
/// instead of a 500.
/// </summary>
internal static partial class DatabaseUnavailableResponse
{
    private static readonly byte[] Body =
        """{"success":false,"error":{"code":"SERVICE_UNAVAILABLE","message":"Database temporarily unavailable, retry later"}}"""u8.ToArray();

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (DatabaseUnavailableException unavailable) when (!context.Response.HasStarted)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseUnavailableResponse));
            LogAnswered(logger, context.Request.Path.Value ?? "/", unavailable.Message);
            var response = context.Response;
            response.Clear();
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.ContentType = "application/json";
            var retryAfter = Math.Max(1, (int)Math.Ceiling((unavailable.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds));
            response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            response.Headers.CacheControl = "no-store";
            await response.Body.WriteAsync(Body, context.RequestAborted);
        }
    }

    [LoggerMessage(EventId = Diagnostics.EventIds.DatabaseUnavailableAnswered, Level = LogLevel.Warning,
        Message = "Answered 503 on {Path}: {Reason}")]
    private static partial void LogAnswered(ILogger logger, string path, string reason);
}
