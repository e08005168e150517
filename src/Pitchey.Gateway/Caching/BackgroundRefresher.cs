using Microsoft.Extensions.Options;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// Stale-while-revalidate: the request that finds an entry stale is answered from it at once, and
/// one refresh of the key runs in the background (single-flight through <see cref="CacheFills"/>:
/// requests meanwhile keep getting the stale answer; one that finds it past its window waits on
/// the refresh like on any fill). The refresh runs the rest of the pipeline — request timeouts,
/// the endpoint or the proxy with its breaker — on a copy of the request (<see cref="RefreshRequest"/>),
/// within <c>Cache:RefreshTimeout</c>. A failed refresh leaves the stale entry where it is.
/// </summary>
internal sealed partial class BackgroundRefresher(
    CacheFills fills, CacheWriter writer, CacheMetrics metrics, IServiceScopeFactory scopes,
    IOptions<CacheOptions> options, TimeProvider time, ILogger<BackgroundRefresher> logger)
{
    private readonly TimeSpan _timeout = options.Value.RefreshTimeout;
    private readonly long _maxEntrySize = options.Value.MaxEntrySize;
    private int _running;

    /// <summary>Refreshes running now (tests wait on it).</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Starts a refresh of <paramref name="key"/> unless one (or any fill of it) is under way.</summary>
    public void TryStart(HttpContext context, CacheRoute route, string baseKey, string key, RequestDelegate pipeline)
    {
        if (fills.IsFilling(key) || !fills.TryBegin(key, out var fill))
        {
            return;
        }

        RefreshRequest request;
        try
        {
            request = new RefreshRequest(context);
        }
        catch
        {
            fills.End(key, fill, null, null, failed: false);
            throw;
        }

        Interlocked.Increment(ref _running);
        _ = Task.Run(() => RefreshAsync(request, route, baseKey, key, fill, pipeline));
    }

    private async Task RefreshAsync(RefreshRequest request, CacheRoute route, string baseKey, string key, CacheFill fill, RequestDelegate pipeline)
    {
        CachedResponse? stored = null;
        string? storedKey = null;
        var failed = true;
        try
        {
            using var timeout = new CancellationTokenSource(_timeout, time);
            await using var scope = scopes.CreateAsyncScope();
            var tagVersion = await writer.TagVersionAsync(route, timeout.Token);
            var started = time.GetUtcNow();
            HttpContext? context = null;
            var control = UpstreamCacheControl.None;
            var capture = new ResponseCapture(Stream.Null, () => Judge(context!, route, out control), _maxEntrySize);
            try
            {
                context = request.CreateContext(capture, scope.ServiceProvider, timeout.Token);
                await pipeline(context);
                await context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()!.CompleteAsync();
                var status = context.Response.StatusCode;
                failed = status >= StatusCodes.Status500InternalServerError;
                if (capture.Decide() == CaptureMode.Store && capture.Complete
                    && CacheEntryBuilder.Build(context.Response, route, control, capture.Copy, started, time.GetUtcNow()) is { } entry
                    && await writer.StoreAsync(baseKey, context.Request, entry, tagVersion) is { } storedUnder)
                {
                    stored = entry;
                    storedKey = storedUnder;
                }
            }
            finally
            {
                capture.Release();
            }

            metrics.Refreshed(route.Label, stored is not null ? "stored" : failed ? "failed" : "not_storable");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            metrics.Refreshed(route.Label, "failed");
            LogRefreshFailed(logger, route.Label, exception.GetType().Name);
        }
        finally
        {
            fills.End(key, fill, stored, storedKey, failed && stored is null);
            Interlocked.Decrement(ref _running);
        }
    }

    // A refresh has no client: whatever may be stored is copied, the rest is dropped.
    private CaptureMode Judge(HttpContext context, CacheRoute route, out UpstreamCacheControl control) =>
        CacheEntryBuilder.IsStorable(context.Response, route, _maxEntrySize, out control) ? CaptureMode.Store : CaptureMode.Swallow;

    [LoggerMessage(EventId = EventIds.CacheRefreshFailed, EventName = nameof(EventIds.CacheRefreshFailed), Level = LogLevel.Warning,
        Message = "Response cache: background refresh on route {Route} failed ({ExceptionType}); the stale entry stays")]
    private static partial void LogRefreshFailed(ILogger logger, string route, string exceptionType);
}
