namespace Pitchey.Gateway.Caching;

/// <summary>
/// Stores a finished fill: the entry under its key, and — when the upstream sent <c>Vary</c> — a
/// manifest under the key without those headers, so the next request knows which of its headers to
/// add to the key. Nothing is stored when an eviction of the entry's tags happened since the fill began
/// (the store checks its tag counters in the same step as each write).
/// </summary>
internal sealed class CacheWriter(IResponseCacheStore store, TimeProvider time)
{
    /// <summary>What a fill notes when it begins, to hand to <see cref="StoreAsync"/>.</summary>
    public ValueTask<long> TagVersionAsync(CacheRoute route, CancellationToken cancellationToken) =>
        store.TagVersionAsync(route.Policy.Tags, cancellationToken);

    /// <summary>Stores <paramref name="entry"/>; gives the key it went under, or null when it was not stored.</summary>
    public async ValueTask<string?> StoreAsync(string baseKey, HttpRequest request, CachedResponse entry, long tagVersion)
    {
        var lifetime = entry.Horizon - time.GetUtcNow();
        var key = baseKey;
        if (entry.VaryHeaders is { Length: > 0 } vary)
        {
            var manifest = new CachedResponse
            {
                StatusCode = 0, Headers = [], Body = [], Created = entry.Created, FreshUntil = entry.FreshUntil,
                RevalidateUntil = entry.RevalidateUntil, ErrorUntil = entry.ErrorUntil, Tags = entry.Tags, VaryHeaders = vary, IsManifest = true,
            };
            if (!await store.SetAsync(baseKey, manifest, lifetime, tagVersion, CancellationToken.None))
            {
                return null;
            }

            key = CacheKey.Variant(baseKey, request, vary);
        }

        return await store.SetAsync(key, entry, lifetime, tagVersion, CancellationToken.None) ? key : null;
    }

    /// <summary>The entry for a request (following a manifest), and the key it is or would be under.</summary>
    public async ValueTask<(CachedResponse? Entry, string Key)> LookupAsync(string baseKey, HttpRequest request, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(baseKey, cancellationToken);
        if (entry is { IsManifest: true, VaryHeaders: { } vary })
        {
            var key = CacheKey.Variant(baseKey, request, vary);
            return (await store.GetAsync(key, cancellationToken), key);
        }

        return (entry, baseKey);
    }
}
