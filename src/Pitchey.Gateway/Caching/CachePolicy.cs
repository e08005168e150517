namespace Pitchey.Gateway.Caching;

/// <summary>
/// A <see cref="CachePolicyOptions"/> as the middleware uses it: arrays, lower-case header names, its
/// name. A per-user policy has no stale windows: <see cref="CacheOptionsValidator"/> refuses them.
/// </summary>
internal sealed record CachePolicy(
    string Name, TimeSpan Ttl, TimeSpan StaleWhileRevalidate, TimeSpan StaleIfError, string[] Tags, string[] VaryByHeaders, bool PerUser)
{
    public static CachePolicy From(string name, CachePolicyOptions options) => new(
        name,
        options.Ttl,
        options.StaleWhileRevalidate,
        options.StaleIfError,
        options.Tags.Distinct(StringComparer.Ordinal).ToArray(),
        options.VaryByHeaders.Select(h => h.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
        options.PerUser);
}
