using HdrHistogram;
using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Reports;
using Pitchey.LoadTests.Harness.Scenarios;

namespace Pitchey.LoadTests.Harness.Watches;

/// <summary>
/// The breaker scenario's figures. Every request is sorted by when it was sent (before the faults,
/// while they were on, after they were cleared) and by what came back (ok, a rejection: 503 with
/// Retry-After, any other error). Rejections are timed on their own; the first one is the breaker
/// opening, and the first success sent after the faults were cleared is the recovery, each an event
/// at its time. <see cref="BreakerSamples"/> adds what the stand-in received while the breaker was
/// open and the gateway's own account of its breakers.
/// </summary>
internal sealed class BreakerWatch : IScenarioFigures, IRequestObserver
{
    private const int Before = 0, Faulty = 1, Healed = 2;
    private const int Ok = 0, Rejected = 1, Failed = 2;

    private readonly RunEvents _events;
    private readonly BreakerSamples _samples;
    private readonly Func<CancellationToken, Task> _clearFaults;
    private readonly KindTimeline _timeline = new();
    private readonly long[] _counts = new long[9];
    private readonly LongHistogram _fromSend = LatencyHistograms.Total();
    private readonly LongHistogram _fromDue = LatencyHistograms.Total();
    private readonly Lock _lock = new();
    private long _faultsOnAt;
    private long _faultsOffAt;
    private long _firstRejection;
    private long _recovered;
    private long _allRejections;
    private long _allOthers;

    /// <param name="clearFaults">Clears the stand-in's faults; run by the "faults off" action, or at the end when the window was cut before it.</param>
    public BreakerWatch(RunEvents events, HttpClient control, Uri standIn, HttpClient? management, Uri? managementAddress, Func<CancellationToken, Task> clearFaults)
    {
        _events = events;
        _clearFaults = clearFaults;
        _samples = new BreakerSamples(events, control, standIn, management, managementAddress, () => (Volatile.Read(ref _allRejections), Volatile.Read(ref _allOthers)));
    }

    /// <summary>Called by the "faults on" action just before it switches them: what was sent earlier met a healthy upstream.</summary>
    public void FaultsOn() => Volatile.Write(ref _faultsOnAt, EngineTime.Now);

    /// <summary>Clears the faults; what is sent from then on may succeed (the recovery is timed from here).</summary>
    public async Task ClearFaultsAsync(CancellationToken cancellationToken)
    {
        await _clearFaults(cancellationToken);
        Volatile.Write(ref _faultsOffAt, EngineTime.Now);
    }

    public void Observe(int series, bool inWindow, long due, long sent, long done, RequestOutcome outcome)
    {
        var rejected = OutcomeKinds.IsRejection(outcome);
        Interlocked.Increment(ref rejected ? ref _allRejections : ref _allOthers);
        if (!inWindow)
        {
            return;
        }

        var on = Volatile.Read(ref _faultsOnAt);
        var off = Volatile.Read(ref _faultsOffAt);
        var phase = on == 0 || sent < on ? Before : off == 0 || sent < off ? Faulty : Healed;
        var result = outcome.Succeeded ? Ok : rejected ? Rejected : Failed;
        Interlocked.Increment(ref _counts[(phase * 3) + result]);
        _timeline.Add((int)Math.Floor(_events.SecondsAt(done)), outcome);
        if (rejected)
        {
            lock (_lock)
            {
                LatencyHistograms.Record(_fromSend, EngineTime.Microseconds(done - sent));
                LatencyHistograms.Record(_fromDue, EngineTime.Microseconds(done - due));
            }

            if (Interlocked.CompareExchange(ref _firstRejection, done, 0) == 0)
            {
                _events.Add("breaker opened", "first 503 with Retry-After", done);
            }
        }
        else if (outcome.Succeeded && off != 0 && sent >= off && Interlocked.CompareExchange(ref _recovered, done, 0) == 0)
        {
            _events.Add("recovered", $"first 2xx {EngineTime.Seconds(done - off):0.000} s after the faults were cleared", done);
        }
    }

    public void Finished(IReadOnlyList<ConnectionCensus> targets)
    {
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _samples.Start();
        return Task.CompletedTask;
    }

    public async Task EndAsync(CancellationToken cancellationToken)
    {
        await _samples.StopAsync(cancellationToken);
        if (Volatile.Read(ref _faultsOnAt) != 0 && Volatile.Read(ref _faultsOffAt) == 0)
        {
            // The window ended before the faults went off: a load test never leaves its upstream failing.
            try
            {
                await _clearFaults(cancellationToken);
                _events.Add("faults off after the window");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                _events.Add("faults could not be cleared", exception.GetType().Name);
            }
        }
    }

    public FigureSetReport Report(RunResults results)
    {
        var on = Volatile.Read(ref _faultsOnAt);
        var off = Volatile.Read(ref _faultsOffAt);
        var first = Volatile.Read(ref _firstRejection);
        var recovered = Volatile.Read(ref _recovered);
        var values = new List<FigureValue>
        {
            Count("before the faults: ok", Before, Ok),
            Count("before the faults: errors", Before, Failed, Rejected),
            Count("faults on: upstream errors", Faulty, Failed),
            Count("faults on: rejections", Faulty, Rejected),
            Count("faults on: ok", Faulty, Ok),
            Count("after the heal: rejections", Healed, Rejected),
            Count("after the heal: errors", Healed, Failed),
            Count("after the heal: ok", Healed, Ok),
            new("rejections", _counts[(Before * 3) + Rejected] + _counts[(Faulty * 3) + Rejected] + _counts[(Healed * 3) + Rejected], "count", "503 with Retry-After: the breaker answered, the upstream was not asked"),
            new("time to open", on != 0 && first >= on ? Math.Round(EngineTime.Seconds(first - on), 3) : null, "s", first == 0 ? "the breaker never opened" : "from the faults on to the first rejection"),
            new("time to recover", recovered != 0 ? Math.Round(EngineTime.Seconds(recovered - off), 3) : null, "s",
                recovered != 0 ? "from the faults cleared to the first 2xx sent after" : off == 0 ? "the faults were never cleared" : "no 2xx after the faults were cleared, inside the window (longer than the breaker's break duration?)"),
        };
        values.AddRange(_samples.Values());
        List<FigureLatency> latencies;
        lock (_lock)
        {
            latencies = _fromSend.TotalCount == 0 ? [] :
            [
                new FigureLatency("rejections (from send)", ReportBuilder.Latency(_fromSend)),
                new FigureLatency("rejections (from due)", ReportBuilder.Latency(_fromDue)),
            ];
        }

        return new FigureSetReport(
            "breaker",
            "the breaker under upstream faults",
            first == 0 ? "no 503 with Retry-After was seen: the breaker never opened (too few failures for its minimum throughput, or faults too short?)" : null,
            values,
            latencies,
            [.. _timeline.Series(), .. _samples.Series()]);
    }

    public ValueTask DisposeAsync() => _samples.DisposeAsync();

    private FigureValue Count(string name, int phase, params int[] results) =>
        new(name, results.Sum(result => Interlocked.Read(ref _counts[(phase * 3) + result])), "count");
}
