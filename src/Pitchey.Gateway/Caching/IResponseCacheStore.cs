namespace Pitchey.Gateway.Caching;

/// <summary>
/// Where entries live: in this process (<see cref="MemoryResponseCacheStore"/>) or in Redis, shared
/// by every gateway using it (<see cref="RedisResponseCacheStore"/>). A store never fails a request:
/// trouble reading is a miss, trouble writing is an entry not kept.
/// </summary>
/// <remarks>
/// The store keeps a counter per tag, moved by every eviction of the tag (through any gateway that
/// shares the store). A fill reads its tags' counters when it begins and hands them back when it
/// stores: an answer read before a write must not land in the cache after that write evicted its tag.
/// </remarks>
internal interface IResponseCacheStore
{
    ValueTask<CachedResponse?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>The counters of <paramref name="tags"/> now, as one value for <see cref="SetAsync"/>; <see cref="CacheTagVersions.Unknown"/> when they could not be read.</summary>
    ValueTask<long> TagVersionAsync(string[] tags, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps <paramref name="entry"/> for <paramref name="lifetime"/> (its <see cref="CachedResponse.Horizon"/> from now)
    /// unless its tags' counters moved since <paramref name="tagVersion"/> was read; in one step with that check.
    /// Gives whether it was kept.
    /// </summary>
    ValueTask<bool> SetAsync(string key, CachedResponse entry, TimeSpan lifetime, long tagVersion, CancellationToken cancellationToken);

    /// <summary>Moves the counters of <paramref name="tags"/> and removes every entry carrying one of them; gives how many went.</summary>
    ValueTask<long> EvictTagsAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken);
}
