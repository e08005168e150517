using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>
/// Errors of the API endpoints, in the existing API's envelope
/// <c>{"success":false,"error":{"code":"...","message":"..."}}</c> that its clients already parse.
/// </summary>
internal static class ApiErrors
{
    public const string ValidationError = "VALIDATION_ERROR";
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";

    private static readonly byte[] UnauthorizedBody =
        """{"success":false,"error":{"code":"UNAUTHORIZED","message":"Authentication required"}}"""u8.ToArray();

    private static readonly byte[] ForbiddenBody =
        """{"success":false,"error":{"code":"FORBIDDEN","message":"Creator account required"}}"""u8.ToArray();

    public static Task UnauthorizedAsync(HttpContext context) => WriteBytesAsync(context, StatusCodes.Status401Unauthorized, UnauthorizedBody);

    public static Task ForbiddenAsync(HttpContext context) => WriteBytesAsync(context, StatusCodes.Status403Forbidden, ForbiddenBody);

    /// <summary>400 naming the bad parameter (the message starts with its name).</summary>
    public static Task ValidationAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, ValidationError, message);

    public static Task UnavailableAsync(HttpContext context, string message, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return WriteAsync(context, StatusCodes.Status503ServiceUnavailable, DatabaseUnavailable, message);
    }

    /// <summary>Any status in the envelope; <see cref="Errors.ErrorResponses"/> uses it for the API's paths.</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }

        return context.Response.WriteAsJsonAsync(new ErrorResponse(false, new ApiError(code, message)), ApiJsonContext.Default.ErrorResponse);
    }

    private static Task WriteBytesAsync(HttpContext context, int status, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        response.Headers[HeaderNames.CacheControl] = "no-store";
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
