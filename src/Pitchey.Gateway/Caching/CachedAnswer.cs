using System.Globalization;

namespace Pitchey.Gateway.Caching;

/// <summary>Writes a <see cref="CachedResponse"/> as the answer: its status and headers, <c>Age</c>, <c>X-Cache</c>, the body (not for HEAD).</summary>
internal static class CachedAnswer
{
    private static readonly string[] Seconds = Enumerable.Range(0, 3601).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    public static Task WriteAsync(HttpContext context, CachedResponse entry, string result, DateTimeOffset now)
    {
        var response = context.Response;
        response.StatusCode = entry.StatusCode;
        var headers = response.Headers;
        foreach (var (name, values) in entry.Headers)
        {
            headers[name] = values;
        }

        var age = entry.AgeSeconds(now);
        headers.Age = age < Seconds.Length ? Seconds[age] : age.ToString(CultureInfo.InvariantCulture);
        headers[CacheConstants.Header] = result;
        response.ContentLength = entry.Body.Length;
        if (HttpMethods.IsHead(context.Request.Method) || entry.Body.Length == 0)
        {
            return Task.CompletedTask;
        }

        return response.Body.WriteAsync(entry.Body, context.RequestAborted).AsTask();
    }
}
