namespace Pitchey.Gateway.StatusPage;

/// <summary>
/// Counts durations into fixed, geometric buckets (0.1 ms to about a minute, 35 % apart), lock-free:
/// recording is a binary search and one interlocked increment, cheap enough for every request.
/// Counts only grow; <see cref="TakeInterval"/> turns them into the figures of the last interval.
/// </summary>
internal sealed class LatencyHistogram
{
    /// <summary>Upper bounds in milliseconds; the last bucket takes everything above.</summary>
    internal static readonly double[] BoundsMs = Enumerable.Range(0, 45).Select(i => 0.1 * Math.Pow(1.35, i)).ToArray();

    private readonly long[] _counts = new long[BoundsMs.Length + 1];

    public void RecordSeconds(double seconds)
    {
        var index = Array.BinarySearch(BoundsMs, seconds * 1000);
        Interlocked.Increment(ref _counts[index < 0 ? ~index : index]);
    }

    /// <summary>
    /// Count and percentiles of what was recorded since <paramref name="previous"/> was taken, which
    /// is then updated to now. Percentiles interpolate inside a bucket; null when nothing was recorded.
    /// </summary>
    public LatencyInterval TakeInterval(long[] previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var now = Snapshot();
        var interval = Between(previous, now);
        now.CopyTo(previous, 0);
        return interval;
    }

    /// <summary>The counts so far, per bucket: two of them make an interval (<see cref="Between"/>); the alerts keep a few.</summary>
    public long[] Snapshot()
    {
        var counts = new long[_counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = Interlocked.Read(ref _counts[i]);
        }

        return counts;
    }

    /// <summary>Count and percentiles of what was recorded between two <see cref="Snapshot"/>s.</summary>
    public static LatencyInterval Between(long[] earlier, long[] later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var delta = new long[later.Length];
        long total = 0;
        for (var i = 0; i < later.Length; i++)
        {
            delta[i] = later[i] - earlier[i];
            total += delta[i];
        }

        return total == 0
            ? new LatencyInterval(0, null, null, null)
            : new LatencyInterval(total, Quantile(delta, total, 0.5), Quantile(delta, total, 0.95), Quantile(delta, total, 0.99));
    }

    /// <summary>A fresh "previous" for <see cref="TakeInterval"/>.</summary>
    public static long[] NewCursor() => new long[BoundsMs.Length + 1];

    private static double Quantile(long[] counts, long total, double q)
    {
        var rank = q * total;
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0 || seen + counts[i] < rank)
            {
                seen += counts[i];
                continue;
            }

            var lower = i == 0 ? 0 : BoundsMs[i - 1];
            var upper = i < BoundsMs.Length ? BoundsMs[i] : BoundsMs[^1] * 1.35;
            return lower + ((upper - lower) * (rank - seen) / counts[i]);
        }

        return BoundsMs[^1];
    }
}
