using System.Text.Json;
using Pitchey.Gateway.ApiEndpoints;

namespace Pitchey.Gateway.Errors;

/// <summary>
/// The one way the gateway itself answers an error: the existing API's envelope
/// (<c>{"success":false,"error":{"code","message"}}</c>) on the API's paths (<c>/api/...</c>), which
/// its clients already parse, and <c>application/problem+json</c> everywhere else. Messages are the
/// gateway's own sentences, never exception text.
/// </summary>
internal static class ErrorResponses
{
    public const string ProblemJson = "application/problem+json";

    private static readonly PathString ApiPrefix = new("/api");

    public static bool IsApiPath(HttpContext context) => context.Request.Path.StartsWithSegments(ApiPrefix);

    /// <param name="context">The request; its response must not have started.</param>
    /// <param name="status">The status to answer.</param>
    /// <param name="code">The envelope's machine code (also the problem's <c>code</c> member).</param>
    /// <param name="message">A sentence for people; safe to show.</param>
    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsApiPath(context))
        {
            return ApiErrors.WriteAsync(context, status, code, message);
        }

        var response = context.Response;
        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        response.ContentType = ProblemJson;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }

        var body = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "about:blank");
            writer.WriteString("title", ReasonPhrase(status));
            writer.WriteNumber("status", status);
            writer.WriteString("detail", message);
            writer.WriteString("code", code);
            writer.WriteEndObject();
        }

        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length)).AsTask();
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
