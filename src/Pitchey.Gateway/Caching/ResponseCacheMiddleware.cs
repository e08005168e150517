using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Pitchey.Gateway.Diagnostics;
using Pitchey.Gateway.RoutingHeaders;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// The response cache, after routing and rate limits, before request timeouts and the endpoints (so
/// a hit never reaches the database turnstile or the proxy). For a GET or HEAD on a cached endpoint:
/// BYPASS for a read-your-writes token, for credentials on a shared policy, for none on a per-user
/// one; else look up the key and answer a fresh entry (HIT), a revalidatable one (STALE, one
/// background refresh), or fill it (MISS): concurrent misses of a key wait, bounded, on one fill and
/// share its answer; a failing fill is replaced by the last good answer within its stale-if-error
/// window (STALE). A successful write evicts the tags its path names (<c>Cache:WriteEvictions</c>).
/// </summary>
/// <remarks>The one place the cache's rules meet; its parts (keys, capture, entries, store, refresh) live beside it.</remarks>
internal sealed partial class ResponseCacheMiddleware(
    RequestDelegate next,
    CacheRoutes routes,
    CacheEvictions evictions,
    IResponseCacheStore store,
    CacheWriter writer,
    CacheFills fills,
    BackgroundRefresher refresher,
    CacheMetrics metrics,
    ReadYourWrites readYourWrites,
    ICacheUser users,
    IOptions<CacheOptions> options,
    TimeProvider time,
    ILogger<ResponseCacheMiddleware> logger)
{
    private static readonly Func<object, Task> SetBypass = static state =>
    {
        ((HttpResponse)state).Headers[CacheConstants.Header] = CacheResult.Bypass;
        return Task.CompletedTask;
    };

    private readonly TimeSpan _coalesceTimeout = options.Value.CoalesceTimeout;
    private readonly long _maxEntrySize = options.Value.MaxEntrySize;
    private readonly string[] _sessionCookies = options.Value.SessionCookiesOrDefault().ToArray();

    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            var route = routes.For(context.GetEndpoint());
            return route is null ? next(context) : CacheAsync(context, route);
        }

        return evictions.Any && (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method))
            ? WriteAsync(context)
            : next(context);
    }

    private Task CacheAsync(HttpContext context, CacheRoute route)
    {
        var policy = route.Policy;
        if (readYourWrites.ReadOptionsFor(context) is not null)
        {
            return BypassAsync(context, route);
        }

        string? user = null;
        if (policy.PerUser)
        {
            var identity = users.Identify(context);
            if (identity.Kind == CacheUserKind.None)
            {
                return BypassAsync(context, route);
            }

            if (identity.Kind == CacheUserKind.Unknown)
            {
                // No lookup: the session is not known yet. The endpoint resolves it, and the answer
                // is stored under the user it turns out to be.
                return FillAsync(context, route, baseKey: null, key: null, stale: null, fill: null);
            }

            user = identity.Id;
        }
        else if (IsSomeones(context.Request))
        {
            return BypassAsync(context, route);
        }

        return LookupAsync(context, route, CacheKey.For(policy.Name, context.Request, policy.VaryByHeaders, user));
    }

    private async Task LookupAsync(HttpContext context, CacheRoute route, string baseKey)
    {
        var (entry, key) = await writer.LookupAsync(baseKey, context.Request, context.RequestAborted);
        var now = time.GetUtcNow();
        var freshness = entry?.FreshnessAt(now) ?? CacheFreshness.Dead;
        if (freshness == CacheFreshness.Fresh)
        {
            metrics.Request(CacheResult.Hit, route.Label);
            await CachedAnswer.WriteAsync(context, entry!, CacheResult.Hit, now);
            return;
        }

        if (freshness == CacheFreshness.Revalidate)
        {
            refresher.TryStart(context, route, baseKey, key, next);
            await StaleAsync(context, route, entry!, CacheMetrics.RevalidateReason, now);
            return;
        }

        var stale = freshness == CacheFreshness.OnErrorOnly ? entry : null;
        if (HttpMethods.IsHead(context.Request.Method) || _coalesceTimeout <= TimeSpan.Zero)
        {
            // A HEAD's answer has no body to store; without coalescing nobody waits.
            await FillAsync(context, route, baseKey, HttpMethods.IsHead(context.Request.Method) ? null : key, stale, fill: null);
            return;
        }

        if (fills.TryBegin(key, out var fill))
        {
            await FillAsync(context, route, baseKey, key, stale, fill);
            return;
        }

        var done = await fills.WaitAsync(fill, _coalesceTimeout, time, context.RequestAborted);
        if (done is null)
        {
            metrics.Coalesced(route.Label, "timeout");
        }
        else if (await done is { } shared && SameVariant(shared, fill, baseKey, context.Request))
        {
            metrics.Coalesced(route.Label, "shared");
            metrics.Request(CacheResult.Hit, route.Label);
            await CachedAnswer.WriteAsync(context, shared, CacheResult.Hit, time.GetUtcNow());
            return;
        }
        else if (fill.Failed && stale is not null)
        {
            metrics.Coalesced(route.Label, "stale");
            await StaleAsync(context, route, stale, CacheMetrics.ErrorReason, time.GetUtcNow());
            return;
        }
        else
        {
            metrics.Coalesced(route.Label, "alone");
        }

        await FillAsync(context, route, baseKey, key, stale, fill: null);
    }

    /// <summary>
    /// Runs the endpoint with its body captured. <paramref name="key"/> null: nothing is stored
    /// (a HEAD) unless the policy is per user and the user is known afterwards.
    /// </summary>
    private async Task FillAsync(HttpContext context, CacheRoute route, string? baseKey, string? key, CachedResponse? stale, CacheFill? fill)
    {
        metrics.Request(CacheResult.Miss, route.Label);
        var tagVersion = CacheTagVersions.Unknown;
        var started = time.GetUtcNow();
        var response = context.Response;
        var clientBody = context.Features.Get<IHttpResponseBodyFeature>()!;
        var storeWanted = key is not null || (route.Policy.PerUser && !HttpMethods.IsHead(context.Request.Method));
        var control = UpstreamCacheControl.None;
        var capture = new ResponseCapture(clientBody.Stream, () => Judge(response, route, stale, storeWanted, out control), _maxEntrySize);
        var captured = new StreamResponseBodyFeature(capture, clientBody);
        context.Features.Set<IHttpResponseBodyFeature>(captured);
        CachedResponse? stored = null;
        string? storedKey = null;
        var failed = false;
        try
        {
            // Read before the endpoint runs: inside the try, so a fill that fails here still ends.
            tagVersion = await writer.TagVersionAsync(route, context.RequestAborted);
            try
            {
                await next(context);
                await captured.CompleteAsync();
            }
            finally
            {
                context.Features.Set(clientBody);
            }

            var mode = capture.Decide();
            failed = mode == CaptureMode.Swallow || response.StatusCode >= StatusCodes.Status500InternalServerError;
            if (mode == CaptureMode.Swallow)
            {
                response.Clear();
                await StaleAsync(context, route, stale!, CacheMetrics.ErrorReason, time.GetUtcNow());
                return;
            }

            if (mode == CaptureMode.Store && capture.Complete
                && CacheEntryBuilder.Build(response, route, control, capture.Copy, started, time.GetUtcNow()) is { } entry)
            {
                baseKey ??= UserKey(context, route);
                if (baseKey is not null && await writer.StoreAsync(baseKey, context.Request, entry, tagVersion) is { } storedUnder)
                {
                    stored = entry;
                    storedKey = storedUnder;
                }
            }
        }
        catch (Exception exception) when (stale is not null && !response.HasStarted && !context.RequestAborted.IsCancellationRequested
                                          && exception is not OutOfMemoryException)
        {
            failed = true;
            LogFailedServedStale(logger, route.Label, exception.GetType().Name);
            response.Clear();
            await StaleAsync(context, route, stale, CacheMetrics.ErrorReason, time.GetUtcNow());
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            capture.Release();
            if (fill is not null)
            {
                fills.End(key!, fill, stored, storedKey, failed);
            }
        }
    }

    /// <summary>Before the first byte: store it, pass it, or swallow a failure a stale answer will replace.</summary>
    private CaptureMode Judge(HttpResponse response, CacheRoute route, CachedResponse? stale, bool storeWanted, out UpstreamCacheControl control)
    {
        control = UpstreamCacheControl.None;
        if (stale is not null && response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            return CaptureMode.Swallow;
        }

        response.Headers[CacheConstants.Header] = CacheResult.Miss;
        return storeWanted && CacheEntryBuilder.IsStorable(response, route, _maxEntrySize, out control) ? CaptureMode.Store : CaptureMode.PassThrough;
    }

    private string? UserKey(HttpContext context, CacheRoute route)
    {
        var identity = users.Identify(context);
        return identity.Kind == CacheUserKind.Known
            ? CacheKey.For(route.Policy.Name, context.Request, route.Policy.VaryByHeaders, identity.Id)
            : null;
    }

    private Task StaleAsync(HttpContext context, CacheRoute route, CachedResponse entry, string reason, DateTimeOffset now)
    {
        metrics.Request(CacheResult.Stale, route.Label);
        metrics.StaleServed(route.Label, reason);
        return CachedAnswer.WriteAsync(context, entry, CacheResult.Stale, now);
    }

    private Task BypassAsync(HttpContext context, CacheRoute route)
    {
        metrics.Request(CacheResult.Bypass, route.Label);
        context.Response.OnStarting(SetBypass, context.Response);
        return next(context);
    }

    private async Task WriteAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.StatusCode is < 200 or > 299 || evictions.TagsFor(context.Request.Path) is not { } tags)
        {
            return;
        }

        try
        {
            metrics.Evicted(CacheMetrics.WriteReason, await store.EvictTagsAsync(tags, CancellationToken.None));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogEvictionFailed(logger, exception.GetType().Name);
        }
    }

    /// <summary>A request with credentials: it never uses or fills a shared entry.</summary>
    private bool IsSomeones(HttpRequest request)
    {
        if (request.Headers.Authorization.Count > 0)
        {
            return true;
        }

        if (request.Headers.Cookie.Count == 0)
        {
            return false;
        }

        var cookies = request.Cookies;
        foreach (var name in _sessionCookies)
        {
            if (cookies.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A fill may turn out varied (the upstream sent <c>Vary</c>): then only a waiter with the same values of those headers shares it.</summary>
    private static bool SameVariant(CachedResponse shared, CacheFill fill, string baseKey, HttpRequest request) =>
        shared.VaryHeaders is not { Length: > 0 } vary || CacheKey.Variant(baseKey, request, vary) == fill.StoredKey;
}
