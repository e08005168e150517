namespace Pitchey.Gateway.Caching;

/// <summary>
/// Where entries live: in this process (<see cref="MemoryResponseCacheStore"/>) or in Redis, shared
/// by every gateway using it (<see cref="RedisResponseCacheStore"/>). A store never fails a request:
/// trouble reading is a miss, trouble writing is an entry not kept.
/// </summary>
internal interface IResponseCacheStore
{
    ValueTask<CachedResponse?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="entry"/> for <paramref name="lifetime"/> (its <see cref="CachedResponse.Horizon"/> from now).</summary>
    ValueTask SetAsync(string key, CachedResponse entry, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>Removes every entry carrying one of <paramref name="tags"/>; gives how many went.</summary>
    ValueTask<long> EvictTagsAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken);
}
