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
        var i = 0;
        while (store.Count == i)
        {
            await store.SetAsync($"k{i++}", Entry(["pitches"], bodyBytes: 8 * 1024), Lifetime, 0, default);
        }

        // The set that found the cache full compacted once: a quarter of the entries went, and
        // their keys left the tag index in the same step (no eviction callbacks).
        var full = i - 1;
        Assert.InRange(store.Count, (int)(full * 0.7), (int)(full * 0.8) + 1);
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

    public void Dispose()
    {
        _recorder.Dispose();
        _meters.Dispose();
    }

    private MemoryResponseCacheStore Store(long sizeLimit) =>
        new(Options.Create(new CacheOptions { SizeLimit = sizeLimit }), new CacheMetrics(_meters));

    private static CachedResponse Entry(string[] tags, int bodyBytes = 10) => new()
    {
        StatusCode = 200, Headers = [], Body = new byte[bodyBytes], Created = Now, FreshUntil = Now + Lifetime, RevalidateUntil = Now + Lifetime,
        ErrorUntil = Now + Lifetime, Tags = tags,
    };
}
