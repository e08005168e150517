using HdrHistogram;
using Pitchey.LoadTests.Harness.Engine;

namespace Pitchey.LoadTests.Tests.Harness.Engine;

/// <summary>
/// Coordinated omission, on made-up times through the real timetable and recorder: one connection at
/// 1,000 requests/s against a server that answers in 100 µs, except once, when it stalls for a second.
/// A connection sends each request at its due time or, still waiting on the last one, as soon as it
/// is free (what <see cref="ConnectionWorker"/> does). The stall hides in the uncorrected figures
/// (one slow request among thousands) and shows in the corrected ones (every request due during it waited).
/// </summary>
public sealed class CorrectedLatencyTests
{
    private static readonly long Second = EngineTime.TicksPerSecond;
    private static readonly long Service = Second / 10_000; // 100 µs

    [Fact]
    public void StalledServer_ShowsInCorrectedLatency_NotInUncorrected()
    {
        var recorder = Simulate(stallAt: 2_000, stall: Second);
        var totals = recorder.Totals()[0];

        Assert.Equal(5_000, totals.Sent);
        Assert.InRange(totals.Uncorrected.GetValueAtPercentile(99), 100, 110);
        Assert.InRange(totals.Uncorrected.GetMaxValue(), 990_000, 1_010_000); // the stalled request itself
        // 1,000 requests fell due during the stall, and about 110 more while the connection caught
        // up (10,000/s against 1,000/s due): over a fifth of the run waited between 0 and 1 s.
        Assert.InRange(totals.Corrected.GetValueAtPercentile(90), 400_000, 700_000);
        Assert.InRange(totals.Corrected.GetValueAtPercentile(99), 900_000, 1_010_000);
        Assert.InRange(totals.Late, 1_050, 1_150);
    }

    [Fact]
    public void SteadyServer_CorrectedEqualsUncorrected()
    {
        var totals = Simulate(stallAt: -1, stall: 0).Totals()[0];

        Assert.Equal(totals.Corrected.GetValueAtPercentile(99.9), totals.Uncorrected.GetValueAtPercentile(99.9));
        Assert.Equal(0, totals.Late);
    }

    private static RunRecorder Simulate(int stallAt, long stall)
    {
        var recorder = new RunRecorder(series: 1, stripes: 1, lateTolerance: Second / 1000);
        var schedule = new OpenSchedule(start: 0, rate: 1000, connections: 1, ticksPerSecond: Second);
        var free = 0L;
        for (var n = 0; n < 5_000; n++)
        {
            var due = schedule.Due(0, n);
            var sent = Math.Max(due, free);
            var done = sent + Service + (n == stallAt ? stall : 0);
            recorder.Record(0, 0, inWindow: true, due, sent, done, new RequestOutcome(200, ErrorKind.None));
            free = done;
        }

        return recorder;
    }
}
