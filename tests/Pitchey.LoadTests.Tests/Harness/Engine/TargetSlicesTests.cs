using Pitchey.LoadTests.Harness.Engine;

namespace Pitchey.LoadTests.Tests.Harness.Engine;

/// <summary>Targets taking turns in slices from the window's start.</summary>
public sealed class TargetSlicesTests
{
    [Fact]
    public void TargetAt_ThreeTargets_TakeTurnsFromTheWindowStartAndBeforeIt()
    {
        var slices = new TargetSlices(origin: 1000, slice: 100, targets: 3);

        Assert.Equal([0, 0, 1, 2, 0, 1], new long[] { 1000, 1099, 1100, 1250, 1300, 1450 }.Select(slices.TargetAt));
        Assert.Equal(2, slices.TargetAt(999)); // the warm-up alternates too
        Assert.Equal(1, slices.TargetAt(800));
    }

    [Fact]
    public void ActiveTicks_AddUpToTheWindow_EachTargetItsShare()
    {
        var slices = new TargetSlices(origin: 0, slice: 100, targets: 3);

        var active = Enumerable.Range(0, 3).Select(target => slices.ActiveTicks(target, 50, 1000)).ToList();

        Assert.Equal(950, active.Sum());
        Assert.Equal([350, 300, 300], active); // 50..100, 300..400, 600..700, 900..1000 are target 0's
    }

    [Fact]
    public void OneTarget_AlwaysTheFirst_ActiveTheWholeWindow()
    {
        var slices = new TargetSlices(origin: 0, slice: 10, targets: 1);

        Assert.Equal(0, slices.TargetAt(12345));
        Assert.Equal(500, slices.ActiveTicks(0, 100, 600));
    }
}
