namespace Pitchey.Gateway.Caching;

/// <summary>A <see cref="CachePolicyOptions"/> as the middleware uses it: arrays, lower-case header names, its name.</summary>
internal sealed record CachePolicy(
    string Name, TimeSpan Ttl, TimeSpan StaleWhileRevalidate, TimeSpan StaleIfError, string[] Tags, string[] VaryByHeaders, bool PerUser)
{
    public static CachePolicy From(string name, CachePolicyOptions options) => new(
        name,
        options.Ttl,
        options.PerUser ? TimeSpan.Zero : options.StaleWhileRevalidate,
        options.PerUser ? TimeSpan.Zero : options.StaleIfError,
        options.Tags.Distinct(StringComparer.Ordinal).ToArray(),
        options.VaryByHeaders.Select(h => h.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
        options.PerUser);
}
