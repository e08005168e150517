namespace Pitchey.Migrations.Throttling;

/// <summary>
/// The primary's WAL position over time, as the sampler saw it, to turn a replica's replay position
/// into a lag in time: a replica that has replayed up to X has been behind since the primary first
/// went past X. <c>replay_lag</c> in <c>pg_stat_replication</c> cannot tell this: it is measured
/// only when the standby reports progress, so a replica whose replay is stuck keeps showing its
/// last, small, figure. The estimate is a lower bound by up to one sample interval, and at the
/// start of a run (history begins with the first sample) by how long the replica was already behind.
/// </summary>
internal sealed class LsnHistory(TimeProvider timeProvider, int capacity = LsnHistory.DefaultCapacity)
{
    // A day of samples at one a second is ~86,000 points; a run throttled longer is already stopped by its budget.
    public const int DefaultCapacity = 100_000;

    private readonly List<(long Timestamp, ulong Lsn)> _points = [];

    public int Count => _points.Count;

    /// <summary>Records the primary's position at <paramref name="timestamp"/> (<see cref="TimeProvider.GetTimestamp"/>); only advances are kept.</summary>
    public void Add(long timestamp, ulong lsn)
    {
        if (_points.Count > 0 && lsn <= _points[^1].Lsn)
        {
            return;
        }

        if (_points.Count == capacity)
        {
            _points.RemoveAt(0);
        }

        _points.Add((timestamp, lsn));
    }

    /// <summary>How long a replica that replayed up to <paramref name="replayed"/> has been behind at <paramref name="now"/>; null before the first sample.</summary>
    public TimeSpan? Lag(ulong replayed, long now)
    {
        if (_points.Count == 0)
        {
            return null;
        }

        if (replayed >= _points[^1].Lsn)
        {
            return TimeSpan.Zero;
        }

        var first = FirstAbove(replayed);
        return timeProvider.GetElapsedTime(_points[first].Timestamp, now);
    }

    /// <summary>Drops the points no replica can need any more: those at or below what every replica has replayed.</summary>
    public void Forget(ulong replayedByAll)
    {
        var first = FirstAbove(replayedByAll);
        // Keep the newest point always: it is the reference for "caught up".
        _points.RemoveRange(0, Math.Min(first, _points.Count - 1));
    }

    private int FirstAbove(ulong lsn)
    {
        int low = 0, high = _points.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_points[middle].Lsn > lsn)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
