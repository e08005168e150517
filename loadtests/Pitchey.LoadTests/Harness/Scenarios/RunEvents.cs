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

    public void Add(string name, string? detail = null)
    {
        var at = Math.Round(EngineTime.Seconds(EngineTime.Now - Volatile.Read(ref _windowStart)), 3);
        lock (_lock)
        {
            _events.Add(new RunEventReport(at, name, detail));
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
