using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// Entries in this process, on <see cref="MemoryCache"/> with a size limit in bytes
/// (<c>Cache:SizeLimit</c>): a full cache compacts (expired first, then the least recently used)
/// before taking a new entry (unless another fill is compacting it: then nothing is stored), so
/// the newest answer is kept and one client varying its keys evicts a share, never everything. A tag index (tag -> keys) makes eviction by tag exact. A key in it whose
/// entry has gone is harmless (evicting it removes nothing); such keys leave in a background pass
/// after a compaction, or once the index has doubled since the last pass, not through MemoryCache's
/// eviction callbacks: those are one thread-pool task per entry, thousands at once after a compaction,
/// queued ahead of the requests waiting there (they were the cold-key tail, docs/benchmarks.md). The
/// bytes held are MemoryCache's own count (its statistics), which it updates as it adds and removes.
/// The tag counters (<see cref="CacheTagVersions"/>) are checked and moved under one lock with the
/// index, so a fill's check and store, and an eviction's bump and removal, never interleave.
/// </summary>
internal sealed class MemoryResponseCacheStore : IResponseCacheStore, IDisposable
{
    // A compaction walks and sorts every entry (and allocates arrays as long as the cache), so it
    // frees a quarter at a time: with one new entry per cold miss a tenth made it run four times as
    // often for the same room (docs/benchmarks.md, "Cold keys").
    private const double CompactionShare = 0.25;

    // Index entries allowed beyond twice those the last pass kept: a growing cache passes a few times, not on every store.
    private const int IndexSlack = 1024;

    private readonly MemoryCache _cache;

    // Tag -> key -> the stamp of the fill that indexed it (see PruneIndex).
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, long>> _byTag = new(StringComparer.Ordinal);
    private readonly long _sizeLimit;
    private readonly CacheMetrics _metrics;
    private readonly CacheTagVersions _versions = new();
    private readonly Lock _tagsLock = new();
    private readonly Lock _compactionLock = new();

    // The prune pass's own set of live keys, kept between passes (one runs at a time) so it is not reallocated.
    private readonly HashSet<string> _live = new(StringComparer.Ordinal);
    private long _indexed;
    private long _keptByLastPrune;
    private long _stamp;
    private int _pruneWanted;
    private int _pruning;
    private Task _pruned = Task.CompletedTask;

    public MemoryResponseCacheStore(IOptions<CacheOptions> options, CacheMetrics metrics)
    {
        _sizeLimit = options.Value.SizeLimit;
        _metrics = metrics;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = _sizeLimit, CompactionPercentage = CompactionShare, TrackStatistics = true });
        metrics.ObserveStore(() => Bytes, () => _cache.Count);
    }

    /// <summary>
    /// MemoryCache's own count. Reading it allocates a small statistics object (tens of bytes, against
    /// the 45 KB a cold miss allocates in all); without eviction callbacks the store cannot keep a
    /// count of its own, since compactions and expiry remove entries unseen.
    /// </summary>
    public long Bytes => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public int Count => _cache.Count;

    /// <summary>Keys in the tag index, counted once per tag (tests: it follows the cache, not every key ever stored).</summary>
    internal long IndexedKeys
    {
        get
        {
            lock (_tagsLock)
            {
                return _indexed;
            }
        }
    }

    /// <summary>The latest background prune pass (tests wait for it instead of sleeping).</summary>
    internal Task Pruned => Volatile.Read(ref _pruned);

    /// <summary>Called by each prune pass once it holds its snapshot of live keys (tests fill in that window).</summary>
    internal Action? PruneSnapshotTaken { get; set; }

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

        if (!TryMakeRoom(size))
        {
            return ValueTask.FromResult(false);
        }

        var options = new MemoryCacheEntryOptions { Size = size, AbsoluteExpirationRelativeToNow = lifetime };
        lock (_tagsLock)
        {
            if (_versions.Of(entry.Tags) != tagVersion)
            {
                return ValueTask.FromResult(false);
            }

            var stamp = ++_stamp;
            foreach (var tag in entry.Tags)
            {
                var keys = _byTag.GetOrAdd(tag, static _ => new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
                if (!keys.ContainsKey(key))
                {
                    _indexed++;
                }

                keys[key] = stamp;
            }

            _cache.Set(key, entry, options);

            // Expired entries leave MemoryCache without a compaction: their keys go once the index has doubled.
            if (_indexed > (2 * _keptByLastPrune) + IndexSlack)
            {
                RequestPrune();
            }
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

                _indexed -= keys.Count;
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
    /// at a time, a larger one while that is not enough (a tenth of a few entries is none). One
    /// compaction at a time, and nobody waits for it: a fill that finds another one compacting
    /// stores nothing (false), so fills that found the cache full together neither each walk and
    /// sort it, emptying far more than they need, nor hold request threads queued behind the one
    /// that does for the compaction's milliseconds.
    /// </summary>
    private bool TryMakeRoom(long size)
    {
        if (Bytes + size <= _sizeLimit)
        {
            return true;
        }

        if (!_compactionLock.TryEnter())
        {
            return false;
        }

        try
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
                RequestPrune();
            }
        }
        finally
        {
            _compactionLock.Exit();
        }

        return true;
    }

    /// <summary>The lock a compaction holds (tests hold it to show a fill does not wait for it).</summary>
    internal Lock CompactionLock => _compactionLock;

    /// <summary>Has <see cref="PruneIndex"/> run in the background, once more if asked again while it runs.</summary>
    private void RequestPrune()
    {
        Volatile.Write(ref _pruneWanted, 1);
        if (Interlocked.CompareExchange(ref _pruning, 1, 0) == 0)
        {
            Volatile.Write(ref _pruned, Task.Factory.StartNew(
                static state => ((MemoryResponseCacheStore)state!).PruneWhileWanted(), this,
                CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default));
        }
    }

    private void PruneWhileWanted()
    {
        do
        {
            while (Interlocked.Exchange(ref _pruneWanted, 0) == 1)
            {
                PruneIndex();
            }

            Volatile.Write(ref _pruning, 0);
        }
        while (Volatile.Read(ref _pruneWanted) == 1 && Interlocked.CompareExchange(ref _pruning, 1, 0) == 0);
    }

    /// <summary>
    /// Drops from the tag index every key whose entry is gone, off the fills' lock. Every fill stamps
    /// its index entries under that lock before it stores; the pass reads the latest stamp first, then
    /// the live keys. A key stamped no later than that, yet not live, was stored before the snapshot
    /// and has left since, so it may go; a fill that stamps it again in the meantime changes its
    /// value, and the removal (which must match the value read) leaves it. The live keys come from
    /// <see cref="MemoryCache.Keys"/>: a lookup per key would count as a use and spoil the
    /// least-recently-used order the next compaction goes by.
    /// </summary>
    private void PruneIndex()
    {
        long stamped;
        lock (_tagsLock)
        {
            stamped = _stamp;
        }

        foreach (var key in _cache.Keys)
        {
            _live.Add((string)key);
        }

        PruneSnapshotTaken?.Invoke();

        foreach (var (_, keys) in _byTag)
        {
            foreach (var indexed in keys)
            {
                if (indexed.Value <= stamped && !_live.Contains(indexed.Key))
                {
                    keys.TryRemove(indexed);
                }
            }
        }

        _live.Clear();
        lock (_tagsLock)
        {
            long count = 0;
            foreach (var (_, keys) in _byTag)
            {
                count += keys.Count;
            }

            _indexed = _keptByLastPrune = count;
        }
    }
}
