using System.Runtime.CompilerServices;

namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// One load connection's loop: wait for the request's due time (open) or not at all (closed), pick
/// the target whose turn it is and a request from its mix, send, record. It holds one
/// <see cref="HttpConnection"/> per target. Its busy state is what the timeout watchdog checks:
/// whoever moves it away from busy first (the worker, finished, or the watchdog, out of patience)
/// decides how the request is counted.
/// </summary>
internal sealed class ConnectionWorker
{
    private const int Idle = 0;
    private const int Busy = 1;
    private const int TimedOut = 2;

    /// <summary>Closed model: wait this long after a refused connection, so a dead target costs errors, not a spinning core.</summary>
    private static readonly long RefusedBackoff = EngineTime.TicksPerSecond / 100;

    private readonly int _index;
    private readonly EngineRun _run;
    private readonly HttpConnection[] _connections;
    private readonly Random _random;
    private readonly PacerTicket _ticket = new();
    private long _busySince;
    private int _state;
    private int _current;

    /// <param name="connections">One per target, in the plan's order; the worker owns them from now on.</param>
    public ConnectionWorker(int index, EngineRun run, HttpConnection[] connections)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(connections);
        _index = index;
        _run = run;
        _connections = connections;
        _random = new Random(HashCode.Combine(run.Plan.Seed, index));
    }

    /// <summary>Open model: the first request of this connection's timetable that was not sent.</summary>
    public long NextUnsent { get; private set; }

    public int ConnectsTo(int target) => _connections[target].Connects;

    /// <summary>This worker's connection to <paramref name="target"/> as the run ends: (connects, failed connects, open now).</summary>
    public (int Connects, int Failed, bool Open) StateOf(int target)
    {
        var connection = _connections[target];
        return (connection.Connects, connection.ConnectFailures, connection.IsOpen);
    }

    public Task RunAsync() => _run.Plan.Model == LoadModel.Open ? RunOpenAsync() : RunClosedAsync();

    /// <summary>Called by the watchdog: a request in flight for longer than <paramref name="timeout"/> is ended.</summary>
    public void CheckTimeout(long now, long timeout)
    {
        if (Volatile.Read(ref _state) == Busy && now - Volatile.Read(ref _busySince) > timeout
            && Interlocked.CompareExchange(ref _state, TimedOut, Busy) == Busy)
        {
            _connections[Volatile.Read(ref _current)].Abort();
        }
    }

    private async Task RunOpenAsync()
    {
        var control = _run.Control;
        var schedule = _run.Schedule;
        for (var n = 0L; ; n++)
        {
            NextUnsent = n;
            var due = schedule.Due(_index, n);
            if (due >= control.WindowEnd)
            {
                return;
            }

            if (EngineTime.Now < due)
            {
                await _run.Pacer.WaitAsync(_ticket, due);
                if (due >= control.WindowEnd)
                {
                    return; // released because the window was cut
                }
            }

            if (!control.TryTake())
            {
                return;
            }

            await SendAsync(due, EngineTime.Now);
        }
    }

    private async Task RunClosedAsync()
    {
        var control = _run.Control;
        if (EngineTime.Now < control.Start)
        {
            await _run.Pacer.WaitAsync(_ticket, control.Start); // all connections start together, on the clock
        }

        while (true)
        {
            var sent = EngineTime.Now;
            if (sent >= control.WindowEnd || !control.TryTake())
            {
                return;
            }

            if (await SendAsync(sent, sent) == ErrorKind.Refused)
            {
                await _run.Pacer.WaitAsync(_ticket, EngineTime.Now + RefusedBackoff);
            }
        }
    }

    // Pooled: an unpooled ValueTask method that suspends allocates its state machine every request.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ErrorKind> SendAsync(long due, long sent)
    {
        var target = _run.Slices.TargetAt(due);
        var request = _run.Plan.Targets[target].Mix.Pick(_random.NextDouble());
        _current = target;
        Volatile.Write(ref _busySince, sent);
        Volatile.Write(ref _state, Busy);
        var outcome = await _connections[target].ExecuteAsync(request);
        var done = EngineTime.Now;
        if (Interlocked.CompareExchange(ref _state, Idle, Busy) != Busy)
        {
            // The watchdog got there first: whatever happened since, it is a timeout.
            outcome = RequestOutcome.Failed(ErrorKind.Timeout);
            _connections[target].Dispose();
            Volatile.Write(ref _state, Idle);
        }

        var inWindow = due >= _run.Control.WindowStart && due < _run.Control.WindowEnd;
        _run.Recorder.Record(_index % _run.Recorder.StripeCount, request.Series, inWindow, due, sent, done, outcome);
        _run.Plan.Observer?.Observe(request.Series, inWindow, due, sent, done, outcome);
        return outcome.Kind;
    }
}
