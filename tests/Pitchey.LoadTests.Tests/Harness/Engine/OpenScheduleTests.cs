using Pitchey.LoadTests.Harness.Engine;

namespace Pitchey.LoadTests.Tests.Harness.Engine;

/// <summary>The open model's timetable on made-up ticks (1 tick = 1 µs here).</summary>
public sealed class OpenScheduleTests
{
    private const long Second = 1_000_000;

    [Fact]
    public void Due_FourConnectionsAt1000PerSecond_StaggeredOneMillisecondApart()
    {
        var schedule = new OpenSchedule(start: 5_000, rate: 1000, connections: 4, ticksPerSecond: Second);

        // Request n of connection c: start + (n·4 + c) ms.
        Assert.Equal([5_000, 6_000, 7_000, 8_000], Enumerable.Range(0, 4).Select(c => schedule.Due(c, 0)));
        Assert.Equal([5_000, 9_000, 13_000], Enumerable.Range(0, 3).Select(n => schedule.Due(0, n)));
        Assert.Equal(8_000 + (10 * 4_000), schedule.Due(3, 10));
    }

    [Fact]
    public void CountDue_OverAWindow_AllConnectionsTogetherSendRateTimesSeconds()
    {
        var schedule = new OpenSchedule(start: 0, rate: 3000, connections: 7, ticksPerSecond: Second);

        var total = Enumerable.Range(0, 7).Sum(c => schedule.CountDue(c, 2 * Second, 5 * Second));

        Assert.Equal(9000, total);
    }

    [Fact]
    public void FirstAtOrAfter_AgreesWithDue_AtEveryBoundary()
    {
        var schedule = new OpenSchedule(start: 123, rate: 333, connections: 5, ticksPerSecond: Second);
        for (var c = 0; c < 5; c++)
        {
            for (var n = 0L; n < 200; n++)
            {
                var due = schedule.Due(c, n);
                Assert.Equal(n, schedule.FirstAtOrAfter(c, due));
                Assert.Equal(n + 1, schedule.FirstAtOrAfter(c, due + 1));
            }
        }

        Assert.Equal(0, schedule.FirstAtOrAfter(0, -1_000));
        Assert.Equal(0, schedule.CountDue(0, 10 * Second, Second));
    }
}
