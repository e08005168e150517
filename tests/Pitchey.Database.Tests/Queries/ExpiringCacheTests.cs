using Microsoft.Extensions.Time.Testing;
using Pitchey.Database.Queries;

namespace Pitchey.Database.Tests.Queries;

public sealed class ExpiringCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Set_FullCache_EvictsAQuarterNotAll()
    {
        using var cache = new ExpiringCache<int, string>(1000, _time);
        var until = _time.GetUtcNow().AddMinutes(1);
        for (var i = 0; i < 1000; i++)
        {
            cache.Set(i, $"value{i}", until);
        }

        cache.Set(1000, "one more", until);

        var kept = Enumerable.Range(0, 1000).Count(i => cache.TryGet(i, out _));
        Assert.InRange(kept, 700, 800);
        Assert.True(cache.TryGet(1000, out var newest));
        Assert.Equal("one more", newest);
        Assert.InRange(cache.Count, 701, 801);
    }

    [Fact]
    public async Task Set_FromSeveralThreadsIntoAFullCache_CompactsOnceForAllThatFoundItFull()
    {
        // Each compaction frees a quarter, so new keys past the capacity need at most one per
        // quarter of the capacity; sets that found the cache full at the same time must not each
        // run one (a walk and sort of every entry).
        const int capacity = 2_000, perWorker = 20_000, workers = 4;
        using var cache = new ExpiringCache<int, int>(capacity, _time);
        var until = _time.GetUtcNow().AddMinutes(1);
        using var start = new Barrier(workers);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() =>
        {
            start.SignalAndWait();
            for (var n = 0; n < perWorker; n++)
            {
                cache.Set((worker * 1_000_000) + n, n, until);
            }
        })));

        var needed = ((workers * perWorker) - capacity) / (capacity / 4);
        Assert.InRange(cache.Compactions, 1, needed + 2);
    }

    [Fact]
    public async Task Set_IntoAFullCacheWhileAnotherSetCompacts_KeepsNothingAndDoesNotWait()
    {
        using var cache = new ExpiringCache<int, string>(100, _time);
        var until = _time.GetUtcNow().AddMinutes(1);
        for (var i = 0; i < 100; i++)
        {
            cache.Set(i, $"value{i}", until);
        }

        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = Task.Factory.StartNew(() =>
        {
            lock (cache.CompactionLock)
            {
                held.Set();
                release.Wait(TimeSpan.FromSeconds(30));
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(held.Wait(TimeSpan.FromSeconds(30)));

        // On another thread, so a set that waited would show as a timeout here, not hang the test.
        await Task.Run(() => cache.Set(100, "late", until)).WaitAsync(TimeSpan.FromSeconds(20));
        release.Set();
        await holder;

        Assert.False(cache.TryGet(100, out _));
        Assert.Equal(100, cache.Count);
        cache.Set(100, "late", until);
        Assert.True(cache.TryGet(100, out _));
    }

    [Fact]
    public void Set_CapacityOfOne_ReplacesTheEntry()
    {
        using var cache = new ExpiringCache<int, string>(1, _time);
        var until = _time.GetUtcNow().AddMinutes(1);
        cache.Set(1, "first", until);

        cache.Set(2, "second", until);

        Assert.False(cache.TryGet(1, out _));
        Assert.True(cache.TryGet(2, out _));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void TryGet_PastItsEndOnTheInjectedClock_IsAMiss()
    {
        using var cache = new ExpiringCache<string, string>(10, _time);
        cache.Set("key", "value", _time.GetUtcNow().AddSeconds(30));

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.True(cache.TryGet("key", out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet("key", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Set_AlreadyEnded_IsNotKept()
    {
        using var cache = new ExpiringCache<string, string>(10, _time);

        cache.Set("key", "value", _time.GetUtcNow());

        Assert.False(cache.TryGet("key", out _));
        Assert.Equal(0, cache.Count);
    }
}
