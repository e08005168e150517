using System.Diagnostics;

namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// The engine's one clock: <see cref="Stopwatch"/> timestamps (CLOCK_MONOTONIC nanoseconds on
/// Linux), kept as <c>long</c> ticks on the hot path and turned into microseconds only when a value
/// is recorded. No <see cref="DateTime"/>, no allocation, and the same base the pacer sleeps on.
/// </summary>
internal static class EngineTime
{
    public static readonly long TicksPerSecond = Stopwatch.Frequency;

    private static readonly double MicrosecondsPerTick = 1_000_000.0 / Stopwatch.Frequency;

    public static long Now => Stopwatch.GetTimestamp();

    public static long Microseconds(long ticks) => (long)(ticks * MicrosecondsPerTick);

    public static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * TicksPerSecond);

    public static double Seconds(long ticks) => (double)ticks / TicksPerSecond;
}
