using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// Entries in this process, on <see cref="MemoryCache"/> with a size limit in bytes
/// (<c>Cache:SizeLimit</c>): a full cache compacts (expired first, then the least recently used)
/// before taking a new entry, so the newest answer is kept and one client varying its keys evicts a
/// share, never everything. A tag index (tag -> keys) makes eviction by tag exact.
/// </summary>
internal sealed class MemoryResponseCacheStore : IResponseCacheStore, IDisposable
{
    private const double CompactionShare = 0.1;

    private readonly MemoryCache _cache;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byTag = new(StringComparer.Ordinal);
    private readonly long _sizeLimit;
    private readonly CacheMetrics _metrics;
    private readonly PostEvictionDelegate _onEvicted;
    private long _bytes;

    public MemoryResponseCacheStore(IOptions<CacheOptions> options, CacheMetrics metrics)
    {
        _sizeLimit = options.Value.SizeLimit;
        _metrics = metrics;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = _sizeLimit, CompactionPercentage = CompactionShare });
        _onEvicted = OnEvicted;
        metrics.ObserveStore(() => Interlocked.Read(ref _bytes), () => _cache.Count);
    }

    public long Bytes => Interlocked.Read(ref _bytes);

    public int Count => _cache.Count;

    public ValueTask<CachedResponse?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_cache.TryGetValue(key, out CachedResponse? entry) ? entry : null);

    public ValueTask SetAsync(string key, CachedResponse entry, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return ValueTask.CompletedTask;
        }

        var size = entry.Size;
        if (Interlocked.Read(ref _bytes) + size > _sizeLimit)
        {
            // Room now, so the new entry is kept: over its limit MemoryCache would refuse it and
            // compact only later, in the background.
            _cache.Compact(CompactionShare);
        }

        foreach (var tag in entry.Tags)
        {
            _byTag.GetOrAdd(tag, static _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal)).TryAdd(key, 0);
        }

        var options = new MemoryCacheEntryOptions { Size = size, AbsoluteExpirationRelativeToNow = lifetime };
        options.RegisterPostEvictionCallback(_onEvicted, size);
        Interlocked.Add(ref _bytes, size);
        _cache.Set(key, entry, options);
        return ValueTask.CompletedTask;
    }

    public ValueTask<long> EvictTagsAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        long evicted = 0;
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

        return ValueTask.FromResult(evicted);
    }

    public void Dispose() => _cache.Dispose();

    private void OnEvicted(object key, object? value, EvictionReason reason, object? state)
    {
        Interlocked.Add(ref _bytes, -(long)state!);
        if (reason == EvictionReason.Capacity)
        {
            _metrics.Evicted(CacheMetrics.SizeReason, 1);
        }

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
