using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// What a forwarded response's <c>Cache-Control</c> allows a shared cache (RFC 9111, RFC 5861):
/// <c>no-store</c>, <c>private</c> and <c>no-cache</c> forbid storing (this cache does not
/// revalidate); <c>s-maxage</c>, else <c>max-age</c>, replaces the policy's TTL;
/// <c>stale-while-revalidate</c> and <c>stale-if-error</c> replace the policy's windows;
/// <c>must-revalidate</c> and <c>proxy-revalidate</c> forbid serving it stale.
/// </summary>
internal readonly record struct UpstreamCacheControl(
    bool Storable, TimeSpan? Lifetime, TimeSpan? StaleWhileRevalidate, TimeSpan? StaleIfError, bool NoStale)
{
    public static readonly UpstreamCacheControl None = new(true, null, null, null, false);

    public static UpstreamCacheControl Read(StringValues header)
    {
        if (header.Count == 0)
        {
            return None;
        }

        if (!CacheControlHeaderValue.TryParse(header.ToString(), out var parsed) || parsed is null)
        {
            // Unreadable instructions are not permission.
            return new UpstreamCacheControl(false, null, null, null, true);
        }

        if (parsed.NoStore || parsed.Private || parsed.NoCache)
        {
            return new UpstreamCacheControl(false, null, null, null, true);
        }

        return new UpstreamCacheControl(
            true,
            parsed.SharedMaxAge ?? parsed.MaxAge,
            Extension(parsed, "stale-while-revalidate"),
            Extension(parsed, "stale-if-error"),
            parsed.MustRevalidate || parsed.ProxyRevalidate);
    }

    private static TimeSpan? Extension(CacheControlHeaderValue parsed, string name)
    {
        foreach (var extension in parsed.Extensions)
        {
            if (extension.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                && long.TryParse(extension.Value.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Min(seconds, (long)CacheConstants.MaxStaleWindow.TotalSeconds));
            }
        }

        return null;
    }
}
