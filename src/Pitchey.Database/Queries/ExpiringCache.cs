using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace Pitchey.Database.Queries;

/// <summary>
/// A bounded in-process cache with absolute expiry, on <see cref="MemoryCache"/>: the session
/// cache and browse's count cache. A full cache makes room by compaction (expired entries first,
/// then the least recently used), so one client that varies its keys evicts a few entries, never
/// everyone's.
/// </summary>
/// <remarks>
/// <see cref="MemoryCache"/> runs on the system clock, not on a <see cref="TimeProvider"/>, so every
/// entry also carries its end on the injected clock and is checked against it on read: a session
/// is never served past its <c>expires_at</c> on the gateway's clock, which tests move by hand.
/// The cache's own expiry (the same lifetime) only keeps dead entries from taking room.
/// </remarks>
internal sealed class ExpiringCache<TKey, TValue> : IDisposable
    where TKey : notnull
{
    /// <summary>
    /// Share of the entries one compaction evicts; at least one, however small the cache. A
    /// compaction walks and sorts every entry whatever the share, so under a stream of new keys (a
    /// cold-key load fills browse's count cache at a few thousand a second) a quarter runs it a
    /// fifth as often as a twentieth did, for the same room.
    /// </summary>
    private const double CompactionShare = 0.25;

    private readonly MemoryCache _cache;
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly Lock _compactionLock = new();
    private long _compactions;

    public ExpiringCache(int capacity, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _time = time;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = CompactionShare });
    }

    /// <summary>Entries held now, expired ones included until they are noticed.</summary>
    public int Count => _cache.Count;

    /// <summary>Compactions run so far (tests: one per quarter of new entries, however many sets found the cache full at once).</summary>
    internal long Compactions => Interlocked.Read(ref _compactions);

    /// <summary>The value for <paramref name="key"/> while it is live on the injected clock.</summary>
    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_cache.TryGetValue(key, out Entry? entry) && entry is not null)
        {
            if (_time.GetUtcNow() < entry.Until)
            {
                value = entry.Value;
                return true;
            }

            _cache.Remove(key);
        }

        value = default;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> until <paramref name="until"/> (injected clock); a value already dead is not kept.</summary>
    public void Set(TKey key, TValue value, DateTimeOffset until)
    {
        var lifetime = until - _time.GetUtcNow();
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        if (_cache.Count >= _capacity && !TryMakeRoom())
        {
            return;
        }

        _cache.Set(key, new Entry(value, until), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lifetime });
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>
    /// Room now, so the newest entry is kept: over its size limit MemoryCache would refuse the entry
    /// and compact in the background. One compaction at a time, and nobody waits for it: a set that
    /// finds another one compacting keeps nothing (a cached total or session is only a saving), so
    /// sets that found the cache full together neither each walk and sort it nor queue behind the one
    /// that does.
    /// </summary>
    private bool TryMakeRoom()
    {
        if (!_compactionLock.TryEnter())
        {
            return false;
        }

        try
        {
            var count = _cache.Count;
            if (count >= _capacity)
            {
                _cache.Compact(Math.Max(CompactionShare, 1.5 / count));
                Interlocked.Increment(ref _compactions);
            }
        }
        finally
        {
            _compactionLock.Exit();
        }

        return true;
    }

    /// <summary>The lock a compaction holds (tests hold it to show a set does not wait for it).</summary>
    internal Lock CompactionLock => _compactionLock;

    private sealed record Entry(TValue Value, DateTimeOffset Until);
}
