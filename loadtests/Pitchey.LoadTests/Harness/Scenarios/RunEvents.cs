using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Reports;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>The run's event log: timed actions and what scenarios observe ("breaker opened"), stamped in seconds from the window's start.</summary>
internal sealed class RunEvents
{
    private readonly List<RunEventReport> _events = [];
    private readonly Lock _lock = new();
    private long _windowStart = EngineTime.Now;

    /// <summary>Set by the run when the clock marks are known; events before it are stamped from when the log was made.</summary>
    public void StartsAt(long windowStart) => Volatile.Write(ref _windowStart, windowStart);

    /// <summary>The window's start, in <see cref="EngineTime"/> ticks (once the run has set it).</summary>
    public long WindowStart => Volatile.Read(ref _windowStart);

    /// <summary>Seconds from the window's start to <paramref name="ticks"/>.</summary>
    public double SecondsAt(long ticks) => EngineTime.Seconds(ticks - WindowStart);

    public void Add(string name, string? detail = null) => Add(name, detail, EngineTime.Now);

    /// <summary>An event that happened at <paramref name="at"/> (ticks), e.g. the completion of the first success after a failover.</summary>
    public void Add(string name, string? detail, long at)
    {
        var seconds = Math.Round(SecondsAt(at), 3);
        lock (_lock)
        {
            _events.Add(new RunEventReport(seconds, name, detail));
        }
    }

    public IReadOnlyList<RunEventReport> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _events.OrderBy(e => e.AtSeconds)];
            }
        }
    }
}
