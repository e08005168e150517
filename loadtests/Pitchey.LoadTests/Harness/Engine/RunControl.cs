namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// The run's shared clock marks and its two bounds, time and count. The window's end can only move
/// earlier: when <c>--max-requests</c> is used up, or on Ctrl-C. Connections read it before every
/// request; nothing due (or, closed, sent) at or after it goes out.
/// </summary>
internal sealed class RunControl
{
    private readonly long _maxRequests;
    private readonly TaskCompletionSource _cut = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _windowEnd;
    private long _taken;
    private string _endedBy = EndReasons.Duration;

    public RunControl(long start, long windowStart, long windowEnd, long maxRequests)
    {
        Start = start;
        WindowStart = windowStart;
        _windowEnd = windowEnd;
        _maxRequests = maxRequests;
    }

    /// <summary>When load begins (the warm-up, if any).</summary>
    public long Start { get; }

    public long WindowStart { get; }

    public long WindowEnd => Volatile.Read(ref _windowEnd);

    /// <summary>What ended the window: one of <see cref="EndReasons"/>.</summary>
    public string EndedBy => Volatile.Read(ref _endedBy);

    /// <summary>Completes when the window was cut short.</summary>
    public Task Cut => _cut.Task;

    /// <summary>Requests sent so far (all phases).</summary>
    public long Taken => Math.Min(Volatile.Read(ref _taken), _maxRequests);

    /// <summary>Takes one request from the count; false when the count is used up (the window ends now).</summary>
    public bool TryTake()
    {
        if (Interlocked.Increment(ref _taken) <= _maxRequests)
        {
            return true;
        }

        CutAt(EngineTime.Now, EndReasons.MaxRequests);
        return false;
    }

    /// <summary>Ends the window at <paramref name="time"/> if that is earlier than its end.</summary>
    public void CutAt(long time, string reason)
    {
        var end = Volatile.Read(ref _windowEnd);
        while (time < end)
        {
            var seen = Interlocked.CompareExchange(ref _windowEnd, time, end);
            if (seen == end)
            {
                Volatile.Write(ref _endedBy, reason);
                _cut.TrySetResult();
                return;
            }

            end = seen;
        }
    }
}
