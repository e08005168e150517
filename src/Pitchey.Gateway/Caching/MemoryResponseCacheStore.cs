using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// Entries in this process, on <see cref="MemoryCache"/> with a size limit in bytes
/// (<c>Cache:SizeLimit</c>): a full cache compacts (expired first, then the least recently used)
/// before taking a new entry, so the newest answer is kept and one client varying its keys evicts a
/// share, never everything. A tag index (tag -> keys) makes eviction by tag exact. The bytes held are
/// MemoryCache's own count (its statistics), which it updates as it adds and removes: its eviction
/// callbacks run later on the thread pool and would make a count kept there lag. The tag counters
/// (<see cref="CacheTagVersions"/>) are checked and moved under one lock with the index, so a fill's
/// check and store, and an eviction's bump and removal, never interleave.
/// </summary>
internal sealed class MemoryResponseCacheStore : IResponseCacheStore, IDisposable
{
    // A compaction walks and sorts every entry (and allocates arrays as long as the cache), so it
    // frees a quarter at a time: with one new entry per cold miss a tenth made it run four times as
    // often for the same room (docs/benchmarks.md, "Cold keys").
    private const double CompactionShare = 0.25;

    private readonly MemoryCache _cache;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byTag = new(StringComparer.Ordinal);
    private readonly long _sizeLimit;
    private readonly CacheMetrics _metrics;
    private readonly PostEvictionDelegate _onEvicted;
    private readonly CacheTagVersions _versions = new();
    private readonly Lock _tagsLock = new();
    private readonly Lock _compactionLock = new();

    public MemoryResponseCacheStore(IOptions<CacheOptions> options, CacheMetrics metrics)
    {
        _sizeLimit = options.Value.SizeLimit;
        _metrics = metrics;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = _sizeLimit, CompactionPercentage = CompactionShare, TrackStatistics = true });
        _onEvicted = OnEvicted;
        metrics.ObserveStore(() => Bytes, () => _cache.Count);
    }

    public long Bytes => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public int Count => _cache.Count;

    public ValueTask<CachedResponse?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_cache.TryGetValue(key, out CachedResponse? entry) ? entry : null);

    public ValueTask<long> TagVersionAsync(string[] tags, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_versions.Of(tags));

    public ValueTask<bool> SetAsync(string key, CachedResponse entry, TimeSpan lifetime, long tagVersion, CancellationToken cancellationToken)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return ValueTask.FromResult(false);
        }

        // The key counts too: it holds the path, the whole query string and the varying headers, so a
        // client sending long query strings would otherwise fill memory past the limit unseen.
        var size = entry.Size + key.Length * 2L;
        if (size > _sizeLimit)
        {
            return ValueTask.FromResult(false);
        }

        MakeRoom(size);
        var options = new MemoryCacheEntryOptions { Size = size, AbsoluteExpirationRelativeToNow = lifetime };
        options.RegisterPostEvictionCallback(_onEvicted);
        lock (_tagsLock)
        {
            if (_versions.Of(entry.Tags) != tagVersion)
            {
                return ValueTask.FromResult(false);
            }

            foreach (var tag in entry.Tags)
            {
                _byTag.GetOrAdd(tag, static _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal)).TryAdd(key, 0);
            }

            _cache.Set(key, entry, options);
        }

        return ValueTask.FromResult(true);
    }

    public ValueTask<long> EvictTagsAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        long evicted = 0;
        lock (_tagsLock)
        {
            _versions.Bump(tags);
            foreach (var tag in tags)
            {
                if (!_byTag.TryRemove(tag, out var keys))
                {
                    continue;
                }

                foreach (var key in keys.Keys)
                {
                    if (_cache.TryGetValue(key, out _))
                    {
                        _cache.Remove(key);
                        evicted++;
                    }
                }
            }
        }

        return ValueTask.FromResult(evicted);
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>
    /// Room for <paramref name="size"/> more bytes now, so the new entry is kept: over its limit
    /// MemoryCache would refuse it and compact only later, in the background. A share of the entries
    /// at a time, a larger one while that is not enough (a tenth of a few entries is none).
    /// </summary>
    private void MakeRoom(long size)
    {
        if (Bytes + size <= _sizeLimit)
        {
            return;
        }

        // One compaction at a time: fills that find the cache full together would otherwise each
        // walk it and each evict a share, emptying far more than they need.
        lock (_compactionLock)
        {
            var before = _cache.Count;
            for (var share = CompactionShare; Bytes + size > _sizeLimit && _cache.Count > 0; share = Math.Min(1, share * 2))
            {
                _cache.Compact(share);
                if (share >= 1)
                {
                    break;
                }
            }

            if (before > _cache.Count)
            {
                _metrics.Evicted(CacheMetrics.SizeReason, before - _cache.Count);
            }
        }
    }

    private void OnEvicted(object key, object? value, EvictionReason reason, object? state)
    {
        if (reason == EvictionReason.Replaced || value is not CachedResponse entry)
        {
            // The entry that replaced it carries the same key in the same tags.
            return;
        }

        var text = (string)key;
        foreach (var tag in entry.Tags)
        {
            if (_byTag.TryGetValue(tag, out var keys))
            {
                keys.TryRemove(text, out _);
            }
        }

        // A new entry stored under the key while this one went keeps its place in the index.
        if (_cache.TryGetValue(text, out CachedResponse? current) && current is not null)
        {
            foreach (var tag in current.Tags)
            {
                _byTag.GetOrAdd(tag, static _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal)).TryAdd(text, 0);
            }
        }
    }
}
