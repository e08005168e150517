using Pitchey.LoadTests.Harness.Reports;
using Pitchey.LoadTests.Harness.Thresholds;
using Pitchey.LoadTests.Tests.Harness.Reports;

namespace Pitchey.LoadTests.Tests.Harness.Thresholds;

/// <summary>A run against an earlier report: what counts as a regression, and what is noise within the tolerance.</summary>
public sealed class BaselineComparisonTests
{
    private static readonly RunReport Current = SampleReports.Run(SampleReports.Target(
        SampleReports.Series(p50Us: 400, p99Us: 2_000, rate: 1_000, errors: 0),
        SampleReports.Series("ready", p50Us: 400, p99Us: 2_000)));

    [Fact]
    public void Compare_BaselineWithBetterPlantedFigures_EveryKeyFigureRegressed()
    {
        var better = SampleReports.Run(SampleReports.Target(
            SampleReports.Series(p50Us: 100, p99Us: 500, rate: 5_000, errors: 0),
            SampleReports.Series("ready", p50Us: 100, p99Us: 500)));

        var comparison = BaselineComparison.Compare(Current, better, "old.json", tolerancePercent: 20);

        Assert.False(comparison.Passed);
        Assert.Equal(
            ["total p50", "total p99", "total rps", "ready p50", "ready p99"],
            comparison.Deltas.Where(d => d.Regressed).Select(d => $"{d.Label ?? "total"} {d.Figure}"));
        var p99 = comparison.Deltas.First(d => d.Figure == "p99");
        Assert.Equal((500.0, 2_000.0, 300.0), (p99.Baseline, p99.Current, p99.ChangePercent));
    }

    [Fact]
    public void Compare_WithinTheTolerance_Passes()
    {
        var close = SampleReports.Run(SampleReports.Target(
            SampleReports.Series(p50Us: 360, p99Us: 1_800, rate: 1_100, errors: 5),
            SampleReports.Series("ready", p50Us: 340, p99Us: 1_700)));

        var comparison = BaselineComparison.Compare(Current, close, "old.json", tolerancePercent: 20);

        Assert.True(comparison.Passed, string.Join("; ", comparison.Deltas.Where(d => d.Regressed)));
        Assert.Empty(comparison.Notes);
    }

    [Fact]
    public void Compare_SmallAbsoluteLatencyChange_NoiseNotARegression()
    {
        var fast = SampleReports.Run(SampleReports.Target(SampleReports.Series(p50Us: 40, p99Us: 1_990)));
        var now = SampleReports.Run(SampleReports.Target(SampleReports.Series(p50Us: 80, p99Us: 2_000)));

        Assert.True(BaselineComparison.Compare(now, fast, "old.json", 20).Passed); // +100 % but only 40 µs
    }

    [Fact]
    public void Compare_ErrorsUpByMoreThanATenthOfAPoint_Regressed()
    {
        var clean = SampleReports.Run(SampleReports.Target(SampleReports.Series(errors: 0)));
        var now = SampleReports.Run(SampleReports.Target(SampleReports.Series(errors: 11))); // 0.11 %

        var errors = BaselineComparison.Compare(now, clean, "old.json", 20).Deltas.First(d => d.Label is null && d.Figure == "errors");

        Assert.True(errors.Regressed);
        Assert.Equal(0.11, errors.ChangePercent);
    }

    [Fact]
    public void Compare_ThresholdThatHeldInTheBaseline_JudgedAgainAndFails()
    {
        var baseline = SampleReports.Run(
            SampleReports.Target(SampleReports.Series(p99Us: 2_000)),
            new ThresholdReport("p99<3ms", null, "p99", "<", 3_000, "us", 2_000, true),
            new ThresholdReport("p50<1us", null, "p50", "<", 1, "us", 400, false));
        var now = SampleReports.Run(SampleReports.Target(SampleReports.Series(p99Us: 2_300, p50Us: 400)));
        var slower = now with { Targets = [SampleReports.Target(SampleReports.Series(p99Us: 3_500))] };

        var held = BaselineComparison.Compare(now, baseline, "old.json", 20);
        var broken = BaselineComparison.Compare(slower, baseline, "old.json", 100);

        Assert.True(held.Passed);
        Assert.Equal("p99<3ms", Assert.Single(held.Thresholds).Expression); // the one that failed there is not judged again
        Assert.False(broken.Passed);
        Assert.False(Assert.Single(broken.Thresholds).Passed);
        Assert.DoesNotContain(broken.Deltas, d => d.Regressed); // within 100 %: only the threshold fails
    }

    [Fact]
    public void Compare_OtherModelAndRate_Noted()
    {
        var closed = Current with { Settings = Current.Settings with { Model = "closed", Rate = null } };

        var notes = BaselineComparison.Compare(Current, closed, "old.json", 20).Notes;

        Assert.Equal(["model differs: baseline closed, now open", "rate differs: baseline none, now 1000"], notes);
    }
}
