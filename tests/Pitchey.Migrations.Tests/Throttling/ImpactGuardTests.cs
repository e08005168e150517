using Microsoft.Extensions.Time.Testing;
using Pitchey.Migrations.Throttling;

namespace Pitchey.Migrations.Tests.Throttling;

public sealed class ImpactGuardTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task RunWatchedAsync_CriticalLimitCrossed_CancelsTheWork_AndNamesTheLimit()
    {
        var source = new ScriptedImpactSource(ScriptedImpactSource.Lag(5), ScriptedImpactSource.Lag(31));
        var options = ThrottleGateTests.Options();
        options.CriticalReplicaLag = TimeSpan.FromSeconds(30);
        var guard = Guard(options, source, _time, new ThrottleEvents());
        var workStarted = new TaskCompletionSource();

        var watched = guard.RunWatchedAsync("pitches", async token =>
        {
            workStarted.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, token);
        }, CancellationToken.None);
        await workStarted.Task;
        _time.Advance(Interval);
        Assert.False(watched.IsCompleted);
        _time.Advance(Interval);
        var error = await Assert.ThrowsAsync<CriticalLimitException>(() => watched);

        Assert.Equal("Migrations:Throttle:CriticalReplicaLag", error.Breaches.Single().Key);
        Assert.Equal("cancelled at a critical limit: replica 1 lag 31 s > 30 s (Migrations:Throttle:CriticalReplicaLag)", error.Message);
        Assert.Equal(2, source.Calls);
    }

    [Fact]
    public async Task RunWatchedAsync_WorkEnds_StopsSampling_AndKeepsThePeaks()
    {
        var source = new ScriptedImpactSource(
            new ImpactSample([new ReplicaFigure("replica 1", TimeSpan.FromSeconds(4), 10)], 7, 1, TimeSpan.FromMilliseconds(20)),
            new ImpactSample([new ReplicaFigure("replica 1", TimeSpan.FromSeconds(2), 10), new ReplicaFigure("replica 2", TimeSpan.FromSeconds(6), 10)], 3, 2, TimeSpan.FromMilliseconds(5)));
        var guard = Guard(ThrottleGateTests.Options(), source, _time, new ThrottleEvents());
        var finish = new TaskCompletionSource();

        var watched = guard.RunWatchedAsync("pitches", _ => finish.Task, CancellationToken.None);
        _time.Advance(Interval);
        _time.Advance(Interval);
        finish.SetResult();
        await watched;
        _time.Advance(Interval * 5);

        Assert.Equal(2, source.Calls);
        Assert.Equal(
            new ImpactSummary(TimeSpan.Zero, 0, 2, TimeSpan.FromSeconds(6), "replica 2", 7, 2, TimeSpan.FromMilliseconds(20)),
            guard.Summary);
    }

    [Fact]
    public async Task RunWatchedAsync_OuterCancellation_IsACancellation_NotACriticalLimit()
    {
        var guard = Guard(ThrottleGateTests.Options(), new ScriptedImpactSource(ScriptedImpactSource.Lag(1)), _time, new ThrottleEvents());
        using var cancel = new CancellationTokenSource();

        var watched = guard.RunWatchedAsync(null, token => Task.Delay(Timeout.InfiniteTimeSpan, _time, token), cancel.Token);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watched);
        Assert.IsNotType<CriticalLimitException>(error);
    }

    [Fact]
    public async Task WaitAsync_ThrottledTime_IsInTheSummary()
    {
        var guard = Guard(ThrottleGateTests.Options(), new ScriptedImpactSource(ScriptedImpactSource.Lag(12), ScriptedImpactSource.Lag(0)), _time, new ThrottleEvents());

        var wait = guard.WaitAsync(ThrottleEvents.Step, "pitches", CancellationToken.None);
        _time.Advance(Interval);
        await wait;

        Assert.Equal((Interval, 1, 2, TimeSpan.FromSeconds(12)), (guard.Summary.Throttled, guard.Summary.ThrottleWaits, guard.Summary.Samples, guard.Summary.PeakReplicaLag));
    }

    private static ImpactGuard Guard(ThrottleOptions options, IImpactSource source, TimeProvider time, ThrottleEvents events)
    {
        ThrottleGateTests.RunContinuationsInline();
        return new ImpactGuard(options, source, time, events);
    }
}
