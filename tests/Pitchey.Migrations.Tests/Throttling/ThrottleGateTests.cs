using Microsoft.Extensions.Time.Testing;
using Pitchey.Migrations.Throttling;

namespace Pitchey.Migrations.Tests.Throttling;

public sealed class ThrottleGateTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task WaitAsync_FiguresWithinLimits_PassesAtOnceWithoutWaiting()
    {
        var source = new ScriptedImpactSource(ScriptedImpactSource.Lag(2, 9.9));
        var (gate, events, _) = Gate(source, Options());

        await gate.WaitAsync(ThrottleEvents.Step, "pitches", CancellationToken.None);

        Assert.Equal((1, 0, 0), (source.Calls, gate.Waits, events.Waits.Count));
        Assert.Equal(TimeSpan.Zero, gate.Throttled);
        Assert.Equal(["pitches"], source.Tables);
    }

    [Fact]
    public async Task WaitAsync_LagAboveLimit_WaitsUntilItRecovers_AndCountsTheTime()
    {
        var source = new ScriptedImpactSource(ScriptedImpactSource.Lag(1, 14), ScriptedImpactSource.Lag(1, 12), ScriptedImpactSource.Lag(1, 11), ScriptedImpactSource.Lag(1, 3));
        var (gate, events, time) = Gate(source, Options());

        var wait = gate.WaitAsync(ThrottleEvents.Step, "pitches", CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            Assert.False(wait.IsCompleted);
            time.Advance(Interval);
        }

        await wait;
        Assert.Equal(4, source.Calls);
        Assert.Equal(["replica 2 lag 14 s > 10 s", "replica 2 lag 12 s > 10 s", "replica 2 lag 11 s > 10 s"], events.Waits.Select(t => t.Breaches.Single().Message));
        Assert.All(events.Waits, t => Assert.Equal("Migrations:Throttle:MaxReplicaLag", t.Breaches.Single().Key));
        Assert.Equal([TimeSpan.Zero, Interval, 2 * Interval], events.Waits.Select(t => t.Waited));
        Assert.Equal([3 * Interval], events.Lifts);
        Assert.Equal((1, 3 * Interval), (gate.Waits, gate.Throttled));
    }

    [Fact]
    public async Task WaitAsync_BudgetSpent_StopsNamingTheBudgetAndTheLimit_AndCountsAcrossStatements()
    {
        var source = new ScriptedImpactSource(ScriptedImpactSource.Lag(14), ScriptedImpactSource.Lag(1), ScriptedImpactSource.Lag(14));
        var options = Options();
        options.WaitBudget = TimeSpan.FromSeconds(2.5);
        var (gate, _, time) = Gate(source, options);

        var first = gate.WaitAsync(ThrottleEvents.Step, "pitches", CancellationToken.None);
        time.Advance(Interval);
        await first;
        var second = gate.WaitAsync(ThrottleEvents.Step, "pitches", CancellationToken.None);
        time.Advance(Interval);
        var error = await Assert.ThrowsAsync<ThrottleBudgetExhaustedException>(() => second);

        Assert.Equal(
            "throttled for 2 s in this run, the whole wait budget (Migrations:Throttle:WaitBudget 00:00:02.500), and still "
            + "replica 1 lag 14 s > 10 s (Migrations:Throttle:MaxReplicaLag); stopped before this statement: rerun to resume here",
            error.Message);
        Assert.Equal((2, 2 * Interval), (gate.Waits, gate.Throttled));
    }

    [Fact]
    public async Task WaitAsync_ZeroBudget_StopsAtTheFirstBreachWithoutWaiting()
    {
        var options = Options();
        options.WaitBudget = TimeSpan.Zero;
        var (gate, events, _) = Gate(new ScriptedImpactSource(new ImpactSample([], 30, 0, null)), options);

        var error = await Assert.ThrowsAsync<ThrottleBudgetExhaustedException>(() => gate.WaitAsync(ThrottleEvents.Step, null, CancellationToken.None));

        Assert.Equal("Migrations:Throttle:MaxActiveSessions", error.Breaches.Single().Key);
        Assert.Empty(events.Waits);
    }

    [Fact]
    public async Task WaitAsync_Cancelled_WhileThrottled_Throws()
    {
        var (gate, _, _) = Gate(new ScriptedImpactSource(ScriptedImpactSource.Lag(14)), Options());
        using var cancel = new CancellationTokenSource();

        var wait = gate.WaitAsync(ThrottleEvents.Step, null, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public async Task WaitAsync_UnknownFigures_DoNotThrottle()
    {
        var source = new ScriptedImpactSource(new ImpactSample([new ReplicaFigure("replica 1", null, null, "connection refused")], null, null, null));
        var (gate, events, _) = Gate(source, Options());

        await gate.WaitAsync(ThrottleEvents.Step, null, CancellationToken.None);

        Assert.Empty(events.Waits);
    }

    internal static ThrottleOptions Options() => new() { SampleInterval = Interval, WaitBudget = TimeSpan.FromMinutes(30) };

    /// <summary>
    /// Called at the start of a test: without a synchronization context FakeTimeProvider.Advance runs
    /// the awaiting code inline, so when Advance returns the next sample is taken and the next wait set.
    /// </summary>
    internal static void RunContinuationsInline() => SynchronizationContext.SetSynchronizationContext(null);

    private static (ThrottleGate Gate, ThrottleEvents Events, FakeTimeProvider Time) Gate(IImpactSource source, ThrottleOptions options)
    {
        RunContinuationsInline();
        var time = new FakeTimeProvider();
        var events = new ThrottleEvents();
        return (new ThrottleGate(options, source, time, events), events, time);
    }
}
