using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Pitchey.Gateway.Errors;

namespace Pitchey.Gateway.RateLimiting;

/// <summary>
/// The answer to a client over its limit: 429 (never 503: the gateway is fine, the client is too
/// fast) with Retry-After in whole seconds, at least 1, from the limiter when it knows, else the
/// policy's window.
/// </summary>
internal static partial class RateLimitRejection
{
    public static ValueTask OnRejectedAsync(OnRejectedContext rejected, TimeSpan fallbackRetryAfter, ILogger logger)
    {
        var context = rejected.HttpContext;
        var retryAfter = fallbackRetryAfter;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
        {
            retryAfter = wait;
        }
        else if (rejected.Lease.TryGetMetadata(RedisRateLimiting.RateLimitMetadataName.RetryAfter, out var seconds))
        {
            retryAfter = TimeSpan.FromSeconds(seconds);
        }

        var retrySeconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        LogRejected(logger, context.Request.Method, retrySeconds);
        context.Response.Headers.RetryAfter = retrySeconds.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(ErrorResponses.WriteAsync(context, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
            "Too many requests from this client; retry after the number of seconds in Retry-After."));
    }
}
