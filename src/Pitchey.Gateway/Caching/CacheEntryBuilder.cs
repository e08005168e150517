using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// Whether an answer may be stored, and the entry it makes. Never stored: anything but 200, a
/// response that sets a cookie, a forwarded response whose <c>Cache-Control</c> forbids a shared
/// cache (<see cref="UpstreamCacheControl"/>) or whose <c>Vary</c> is <c>*</c>. A forwarded
/// answer's lifetime and stale windows come from its <c>Cache-Control</c> when it sends them, else
/// from the policy; a tuned endpoint's from its policy alone.
/// </summary>
internal static class CacheEntryBuilder
{
    /// <summary>Not replayed from the cache: per-connection or per-message headers, and what the cache sets itself.</summary>
    private static readonly HashSet<string> NotStored = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.Date,
        HeaderNames.Server, HeaderNames.Age, HeaderNames.Upgrade, HeaderNames.Trailer, HeaderNames.ProxyAuthenticate,
        HeaderNames.SetCookie, CacheConstants.Header, "Proxy-Connection", "X-Pitchey-Lsn",
    };

    /// <summary>
    /// Before the first byte (the headers are final then): may this response be stored? (The body's
    /// size is judged as it is copied.) <paramref name="control"/> is what its <c>Cache-Control</c>
    /// allows, read once here for <see cref="Build"/>.
    /// </summary>
    public static bool IsStorable(HttpResponse response, CacheRoute route, long maxEntrySize, out UpstreamCacheControl control)
    {
        control = UpstreamCacheControl.None;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0
            || response.ContentLength > maxEntrySize)
        {
            return false;
        }

        if (!route.Forwarded)
        {
            return true;
        }

        control = UpstreamCacheControl.Read(response.Headers.CacheControl);
        return control.Storable && !VariesOnEverything(response.Headers.Vary);
    }

    /// <summary>
    /// The entry for a finished response that <see cref="IsStorable"/> accepted (with the
    /// <paramref name="control"/> it read), or null when it is already past every window.
    /// </summary>
    public static CachedResponse? Build(
        HttpResponse response, CacheRoute route, UpstreamCacheControl control, ReadOnlyMemory<byte> body, DateTimeOffset started, DateTimeOffset now)
    {
        var policy = route.Policy;
        var lifetime = control.Lifetime ?? policy.Ttl;
        if (lifetime <= TimeSpan.Zero)
        {
            return null;
        }

        lifetime = lifetime > CacheConstants.MaxTtl ? CacheConstants.MaxTtl : lifetime;
        var revalidate = control.NoStale ? TimeSpan.Zero : control.StaleWhileRevalidate ?? policy.StaleWhileRevalidate;
        var onError = control.NoStale ? TimeSpan.Zero : control.StaleIfError ?? policy.StaleIfError;
        if (policy.PerUser)
        {
            // The policy has none (its validator says so), but a forwarded answer may name some.
            revalidate = onError = TimeSpan.Zero;
        }

        // The answer is as old as the moment the fill started, less what the upstream says it already was.
        var created = started - (route.Forwarded ? UpstreamAge(response.Headers.Age) : TimeSpan.Zero);
        var fresh = created + lifetime;
        var entry = new CachedResponse
        {
            StatusCode = response.StatusCode,
            Headers = StoredHeaders(response.Headers),
            Body = body.ToArray(),
            Created = created,
            FreshUntil = fresh,
            RevalidateUntil = fresh + revalidate,
            ErrorUntil = fresh + onError,
            Tags = policy.Tags,
            VaryHeaders = route.Forwarded ? VaryNames(response.Headers.Vary) : null,
        };
        return entry.Horizon > now ? entry : null;
    }

    private static KeyValuePair<string, StringValues>[] StoredHeaders(IHeaderDictionary headers)
    {
        var kept = new List<KeyValuePair<string, StringValues>>(headers.Count);
        foreach (var header in headers)
        {
            if (!NotStored.Contains(header.Key))
            {
                kept.Add(header);
            }
        }

        return kept.ToArray();
    }

    private static bool VariesOnEverything(StringValues vary)
    {
        foreach (var value in vary)
        {
            if (value is not null && value.Contains('*', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string[]? VaryNames(StringValues vary)
    {
        if (vary.Count == 0)
        {
            return null;
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var value in vary)
        {
            foreach (var name in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                names.Add(name.ToLowerInvariant());
            }
        }

        return names.Count == 0 ? null : names.ToArray();
    }

    private static TimeSpan UpstreamAge(StringValues age) =>
        age.Count == 1 && long.TryParse(age[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Min(seconds, (long)CacheConstants.MaxTtl.TotalSeconds))
            : TimeSpan.Zero;
}
