using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Reports;
using Pitchey.LoadTests.Harness.Scenarios;

namespace Pitchey.LoadTests.Harness.Watches;

/// <summary>
/// The failover scenario's figures: outcomes by kind per second; requests and errors in each phase
/// (by send time: before, replica down, primary down, primary back, replica back); the first error
/// after the primary stopped; and the recovery, the first success sent after the primary was back
/// (pg_ctl's start returned), an event at its time.
/// </summary>
/// <param name="events">The run's event log.</param>
/// <param name="end">Runs when the load is over (the steps start what is still stopped).</param>
internal sealed class FailoverWatch(RunEvents events, Func<CancellationToken, Task> end) : IScenarioFigures, IRequestObserver
{
    /// <summary>The phases, in order; a phase starts when its action has finished.</summary>
    public static readonly IReadOnlyList<string> Phases = ["before", "replica down", "primary down", "primary back", "replica back"];

    public const int ReplicaDown = 1, PrimaryDown = 2, PrimaryBack = 3, ReplicaBack = 4;

    private readonly KindTimeline _timeline = new();
    private readonly long[] _marks = new long[Phases.Count];
    private readonly long[] _sent = new long[Phases.Count];
    private readonly long[] _errors = new long[Phases.Count];
    private long _firstError;
    private long _recovered;

    /// <summary>Called by each action when it has done its work: the phase begins now.</summary>
    public void Mark(int phase) => Volatile.Write(ref _marks[phase], EngineTime.Now);

    public void Observe(int series, bool inWindow, long due, long sent, long done, RequestOutcome outcome)
    {
        if (!inWindow)
        {
            return;
        }

        var phase = 0;
        for (var i = _marks.Length - 1; i > 0; i--)
        {
            var mark = Volatile.Read(ref _marks[i]);
            if (mark != 0 && sent >= mark)
            {
                phase = i;
                break;
            }
        }

        Interlocked.Increment(ref _sent[phase]);
        _timeline.Add((int)Math.Floor(events.SecondsAt(done)), outcome);
        var stopped = Volatile.Read(ref _marks[PrimaryDown]);
        var back = Volatile.Read(ref _marks[PrimaryBack]);
        if (!outcome.Succeeded)
        {
            Interlocked.Increment(ref _errors[phase]);
            if (stopped != 0 && sent >= stopped && Interlocked.CompareExchange(ref _firstError, done, 0) == 0)
            {
                events.Add("first error after the primary stopped", OutcomeKinds.Name(OutcomeKinds.Key(outcome)), done);
            }
        }
        else if (back != 0 && sent >= back && Interlocked.CompareExchange(ref _recovered, done, 0) == 0)
        {
            events.Add("recovered", $"first success {EngineTime.Seconds(done - back):0.000} s after the primary was back", done);
        }
    }

    public void Finished(IReadOnlyList<ConnectionCensus> targets)
    {
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task EndAsync(CancellationToken cancellationToken) => end(cancellationToken);

    public FigureSetReport Report(RunResults results)
    {
        var stopped = Volatile.Read(ref _marks[PrimaryDown]);
        var back = Volatile.Read(ref _marks[PrimaryBack]);
        var firstError = Volatile.Read(ref _firstError);
        var recovered = Volatile.Read(ref _recovered);
        var values = new List<FigureValue>();
        for (var phase = 0; phase < Phases.Count; phase++)
        {
            if (phase > 0 && Volatile.Read(ref _marks[phase]) == 0)
            {
                continue; // that step did not happen (no replica, or the window ended first)
            }

            values.Add(new FigureValue($"{Phases[phase]}: sent", Interlocked.Read(ref _sent[phase]), "count"));
            values.Add(new FigureValue($"{Phases[phase]}: errors", Interlocked.Read(ref _errors[phase]), "count"));
        }

        values.Add(new FigureValue("time to first error", firstError != 0 ? Math.Round(EngineTime.Seconds(firstError - stopped), 3) : null, "s",
            stopped == 0 ? "the primary was never stopped" : firstError == 0 ? "no error after the primary stopped" : "from the primary stopped to the first failed answer"));
        values.Add(new FigureValue("time to recover", recovered != 0 ? Math.Round(EngineTime.Seconds(recovered - back), 3) : null, "s",
            back == 0 ? "the primary was not back inside the window"
            : recovered == 0 ? "no success after the primary was back, inside the window"
            : "from pg_ctl start returning to the first success sent after it"));
        return new FigureSetReport("failover", "reads through a replica and primary outage", null, values, [], _timeline.Series());
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
