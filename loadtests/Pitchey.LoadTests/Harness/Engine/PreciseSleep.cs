using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// Sleeping until a moment to within tens of microseconds, for the open model's pacer. .NET's own
/// sleeps and timers count in whole milliseconds; a request sent up to a millisecond late would add
/// that to every corrected latency of a sub-millisecond server. On Linux this is
/// <c>clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)</c> (the clock <see cref="Stopwatch"/> reads)
/// with the thread's timer slack cut from 50 µs to 1 ns; elsewhere, millisecond sleeps. The
/// remaining lateness is measured and reported (send lag), never hidden.
/// </summary>
internal static partial class PreciseSleep
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsolute = 1;
    private const int SetTimerSlack = 29; // PR_SET_TIMERSLACK

    /// <summary>Stopwatch ticks are CLOCK_MONOTONIC nanoseconds here, so deadlines need no conversion.</summary>
    public static bool Precise { get; } = OperatingSystem.IsLinux() && Stopwatch.Frequency == 1_000_000_000 && MonotonicMatches();

    /// <summary>Called once on the thread that will sleep.</summary>
    public static void PrepareThread()
    {
        if (Precise)
        {
            _ = Prctl(SetTimerSlack, 1, 0, 0, 0);
        }
    }

    /// <summary>Returns at <paramref name="deadline"/> (Stopwatch ticks) or a little after.</summary>
    public static void Until(long deadline)
    {
        if (Precise)
        {
            var request = new Timespec(deadline / 1_000_000_000, deadline % 1_000_000_000);
            _ = ClockNanosleep(ClockMonotonic, TimerAbsolute, in request, IntPtr.Zero); // EINTR: the caller checks the time anyway
            return;
        }

        var milliseconds = (deadline - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency;
        Thread.Sleep((int)Math.Clamp(milliseconds, 0, int.MaxValue));
    }

    private static bool MonotonicMatches()
    {
        try
        {
            var before = Stopwatch.GetTimestamp();
            _ = ClockGettime(ClockMonotonic, out var now);
            var after = Stopwatch.GetTimestamp();
            var ns = (now.Seconds * 1_000_000_000) + now.Nanoseconds;
            return ns >= before - 1_000_000 && ns <= after + 1_000_000;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, in Timespec request, IntPtr remaining);

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGettime(int clock, out Timespec time);

    [LibraryImport("libc", EntryPoint = "prctl")]
    private static partial int Prctl(int option, nuint argument2, nuint argument3, nuint argument4, nuint argument5);

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Timespec(long Seconds, long Nanoseconds);
}
