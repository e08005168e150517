using HdrHistogram;

namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// The histograms the engine records into, all in microseconds from 0 to <see cref="HighestMicroseconds"/>
/// (longer values are clamped to it). Run totals keep three significant digits (0.1 %); the per-second
/// ones two (1 %), ten times smaller, since dozens of them are merged every second.
/// </summary>
internal static class LatencyHistograms
{
    /// <summary>One hour: far past the longest <c>--timeout</c>, so only a stalled clock reaches it.</summary>
    public const long HighestMicroseconds = 3_600_000_000;

    public static LongHistogram Total() => new(HighestMicroseconds, 3);

    public static LongHistogram Interval() => new(HighestMicroseconds, 2);

    public static void Record(LongHistogram histogram, long microseconds) =>
        histogram.RecordValue(Math.Clamp(microseconds, 0, HighestMicroseconds));
}
