using Microsoft.Extensions.Options;
using Pitchey.Gateway.Caching;
using Pitchey.Gateway.Diagnostics;
using Pitchey.Gateway.Tests.Diagnostics;

namespace Pitchey.Gateway.Tests.Caching;

public sealed class MemoryResponseCacheStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly TestMeterFactory _meters = new();
    private readonly MeasurementRecorder _recorder;

    public MemoryResponseCacheStoreTests() => _recorder = new MeasurementRecorder(_meters);

    [Fact]
    public async Task EvictTags_RemovesExactlyTheEntriesCarryingThem()
    {
        using var store = Store(CacheConstants.DefaultSizeLimit);
        await store.SetAsync("a", Entry(["pitches"]), Lifetime, 0, default);
        await store.SetAsync("b", Entry(["pitches", "users"]), Lifetime, 0, default);
        await store.SetAsync("c", Entry(["users"]), Lifetime, 0, default);

        var evicted = await store.EvictTagsAsync(["pitches"], default);

        Assert.Equal(2, evicted);
        Assert.Null(await store.GetAsync("a", default));
        Assert.Null(await store.GetAsync("b", default));
        Assert.NotNull(await store.GetAsync("c", default));
        Assert.Equal(0, await store.EvictTagsAsync(["pitches"], default));
        Assert.Equal(1, await store.EvictTagsAsync(["users"], default));
    }

    [Fact]
    public async Task Set_AfterAnEvictionOfItsTags_SinceTheFillBegan_StoresNothing()
    {
        using var store = Store(CacheConstants.DefaultSizeLimit);
        var before = await store.TagVersionAsync(["pitches", "users"], default);
        var unrelated = await store.TagVersionAsync(["users"], default);
        await store.EvictTagsAsync(["pitches"], default);

        Assert.False(await store.SetAsync("a", Entry(["pitches", "users"]), Lifetime, before, default));
        Assert.Null(await store.GetAsync("a", default));
        Assert.True(await store.SetAsync("b", Entry(["users"]), Lifetime, unrelated, default));
        var after = await store.TagVersionAsync(["pitches", "users"], default);
        Assert.True(await store.SetAsync("a", Entry(["pitches", "users"]), Lifetime, after, default));
        Assert.NotNull(await store.GetAsync("a", default));
    }

    [Fact]
    public async Task Set_SameKeyAgain_KeepsItInItsTagsAndCountsItsBytesOnce()
    {
        using var store = Store(CacheConstants.DefaultSizeLimit);
        await store.SetAsync("a", Entry(["pitches"]), Lifetime, 0, default);
        var once = store.Bytes;
        await store.SetAsync("a", Entry(["pitches"]), Lifetime, 0, default);

        Assert.Equal(once, store.Bytes);
        Assert.Equal(1, await store.EvictTagsAsync(["pitches"], default));
        Assert.Equal(0, store.Bytes);
    }

    [Fact]
    public async Task Set_CountsTheKeysCharactersToo()
    {
        using var store = Store(CacheConstants.DefaultSizeLimit);
        await store.SetAsync("k", Entry([]), Lifetime, 0, default);
        var first = store.Bytes;
        await store.SetAsync("browse?pad=" + new string('x', 4_000), Entry([]), Lifetime, 0, default);

        Assert.True(store.Bytes - first >= first + 2 * 4_000, $"{store.Bytes} bytes after a {first}-byte entry");
    }

    [Fact]
    public async Task Set_PastTheSizeLimit_EvictsAShareOfTheOldest_KeepsTheNewest_AndCountsIt()
    {
        using var store = Store(CacheConstants.MinSizeLimit);
        for (var i = 0; i < 200; i++)
        {
            await store.SetAsync($"k{i}", Entry([], bodyBytes: 16 * 1024), Lifetime, 0, default);
        }

        Assert.True(store.Bytes <= CacheConstants.MinSizeLimit, $"{store.Bytes} bytes held");
        Assert.NotNull(await store.GetAsync("k199", default));
        Assert.True(store.Count < 200);
        _recorder.Observe();
        Assert.Contains(_recorder.Seen, m => m.Instrument == "pitchey.cache.evictions" && m.Value > 0);
        Assert.Contains(_recorder.Seen, m => m.Instrument == "pitchey.cache.entries" && m.Value == store.Count);
    }

    [Fact]
    public async Task Set_IntoAFullCache_FreesAQuarterAtOnce_DropsTheirKeysFromTheTagIndex_AndTheNextFillsFindRoom()
    {
        using var store = Store(CacheConstants.MinSizeLimit);
        var i = await FillUntilCompactedAsync(store);

        // The set that found the cache full compacted once: a quarter of the entries went, and
        // their keys left the tag index in the pass that followed (no eviction callbacks).
        var full = i - 1;
        Assert.InRange(store.Count, (int)(full * 0.7), (int)(full * 0.8) + 1);
        await store.Pruned;
        Assert.Equal(store.Count, store.IndexedKeys);
        var afterCompaction = store.Count;

        // The room made is used by the next fills without another compaction.
        for (var j = 0; j < full / 8; j++)
        {
            await store.SetAsync($"n{j}", Entry(["pitches"], bodyBytes: 8 * 1024), Lifetime, 0, default);
        }

        Assert.Equal(afterCompaction + (full / 8), store.Count);
        Assert.Equal(store.Count, await store.EvictTagsAsync(["pitches"], default));
        Assert.Equal(0, store.IndexedKeys);
    }

    [Fact]
    public async Task Prune_RunningBesideFills_NeverDropsALiveKeyFromTheIndex()
    {
        // A small cache and fills from several threads: compactions and their prune passes run
        // while other fills index and store. A live key the index lost would survive its tag's eviction.
        using var store = Store(CacheConstants.MinSizeLimit);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; n < 2_000; n++)
            {
                // Keys repeat, so entries compacted away are stored again while a pass may be deciding on them.
                await store.SetAsync($"k{(worker * 7919 + n) % 600}", Entry(["pitches"], bodyBytes: 4 * 1024), Lifetime, 0, default);
            }
        })));
        await store.Pruned;

        Assert.True(store.Count > 0);
        Assert.Equal(store.Count, await store.EvictTagsAsync(["pitches"], default));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Prune_KeepsKeysStoredAfterItsSnapshot_NewOnesAndOnesItSawGone()
    {
        using var store = Store(CacheConstants.MinSizeLimit);
        using var snapshotTaken = new ManualResetEventSlim();
        using var proceed = new ManualResetEventSlim();
        var first = 0;
        store.PruneSnapshotTaken = () =>
        {
            if (Interlocked.Exchange(ref first, 1) == 0)
            {
                snapshotTaken.Set();
                proceed.Wait(TimeSpan.FromSeconds(30));
            }
        };

        // Fill until a compaction: k0, the oldest, is compacted away and the pass starts.
        var i = await FillUntilCompactedAsync(store);

        Assert.True(snapshotTaken.Wait(TimeSpan.FromSeconds(30)));
        Assert.Null(await store.GetAsync("k0", default));

        // In the pass's window: k0 again (gone in its snapshot) and a key it never saw.
        await store.SetAsync("k0", Entry(["pitches"], bodyBytes: 8 * 1024), Lifetime, 0, default);
        await store.SetAsync("late", Entry(["pitches"], bodyBytes: 8 * 1024), Lifetime, 0, default);
        proceed.Set();
        await store.Pruned;

        Assert.Equal(store.Count, store.IndexedKeys);
        Assert.Equal(store.Count, await store.EvictTagsAsync(["pitches"], default));
        Assert.Null(await store.GetAsync("k0", default));
        Assert.Null(await store.GetAsync("late", default));
    }

    [Fact]
    public async Task Set_IntoAFullCacheWhileAnotherFillCompacts_StoresNothingAndDoesNotWait()
    {
        using var store = Store(CacheConstants.MinSizeLimit);
        var i = await FillUntilCompactedAsync(store);

        // Fill the room the compaction made, up to the limit again.
        while (store.Bytes + (16 * 1024) < CacheConstants.MinSizeLimit)
        {
            await store.SetAsync($"n{i++}", Entry(["pitches"], bodyBytes: 8 * 1024), Lifetime, 0, default);
        }

        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = Task.Factory.StartNew(() =>
        {
            lock (store.CompactionLock)
            {
                held.Set();
                release.Wait(TimeSpan.FromSeconds(30));
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(held.Wait(TimeSpan.FromSeconds(30)));
        var count = store.Count;

        // On another thread, so a fill that waited would show as a timeout here, not hang the test.
        var stored = await Task.Run(async () => await store.SetAsync("late", Entry(["pitches"], bodyBytes: 16 * 1024), Lifetime, 0, default))
            .WaitAsync(TimeSpan.FromSeconds(20));
        release.Set();
        await holder;

        Assert.False(stored);
        Assert.Null(await store.GetAsync("late", default));
        Assert.Equal(count, store.Count);
        Assert.True(await store.SetAsync("late", Entry(["pitches"], bodyBytes: 16 * 1024), Lifetime, 0, default));
    }

    public void Dispose()
    {
        _recorder.Dispose();
        _meters.Dispose();
    }

    /// <summary>Stores k0, k1, ... (8 KB each, tagged <c>pitches</c>) until one store compacts; returns how many it stored.</summary>
    private static async Task<int> FillUntilCompactedAsync(MemoryResponseCacheStore store)
    {
        var stored = 0;
        while (store.Count == stored)
        {
            await store.SetAsync($"k{stored++}", Entry(["pitches"], bodyBytes: 8 * 1024), Lifetime, 0, default);
        }

        return stored;
    }

    private MemoryResponseCacheStore Store(long sizeLimit) =>
        new(Options.Create(new CacheOptions { SizeLimit = sizeLimit }), new CacheMetrics(_meters));

    private static CachedResponse Entry(string[] tags, int bodyBytes = 10) => new()
    {
        StatusCode = 200, Headers = [], Body = new byte[bodyBytes], Created = Now, FreshUntil = Now + Lifetime, RevalidateUntil = Now + Lifetime,
        ErrorUntil = Now + Lifetime, Tags = tags,
    };
}
