using Pitchey.LoadTests.Harness.Thresholds;
using Pitchey.LoadTests.Tests.Harness.Reports;

namespace Pitchey.LoadTests.Tests.Harness.Thresholds;

/// <summary>Thresholds judged on a target's figures: the total, a label, shares and counts, and what cannot be judged.</summary>
public sealed class ThresholdJudgeTests
{
    private static readonly Pitchey.LoadTests.Harness.Reports.TargetReport Target = SampleReports.Target(
        SampleReports.Series(sent: 10_000, errors: 20, p50Us: 400, p99Us: 2_000, rate: 1_000, late: 100, dropped: 50),
        SampleReports.Series("search", sent: 4_000, errors: 20, p99Us: 60_000),
        SampleReports.Series("browse", sent: 6_000, p99Us: 3_000),
        SampleReports.Series("idle", sent: 0));

    [Theory]
    [InlineData("p99<5ms", 2_000, true)]
    [InlineData("p50<=0.4ms", 400, true)]
    [InlineData("p50<400us", 400, false)]
    [InlineData("errors<0.1%", 0.2, false)]
    [InlineData("errors<=20", 20, true)]
    [InlineData("rps>20000", 1_000, false)]
    [InlineData("late<1.5%", 1, true)]
    [InlineData("dropped<0.5%", 0.4975, true)]
    [InlineData("search.p99<50ms", 60_000, false)]
    [InlineData("browse.p99<50ms", 3_000, true)]
    [InlineData("search.errors<1%", 0.5, true)]
    public void Judge_ActualInTheThresholdsUnit(string expression, double actual, bool passed)
    {
        var report = ThresholdJudge.Judge(ThresholdParser.Parse(expression, out _)!, Target);

        Assert.Equal(actual, report.Actual!.Value, 4);
        Assert.Equal(passed, report.Passed);
        Assert.Equal(expression, report.Expression);
    }

    [Fact]
    public void Judge_LabelThatSentNothing_FailsWithNothingToJudge()
    {
        var report = ThresholdJudge.Judge(ThresholdParser.Parse("idle.errors<1%", out _)!, Target);

        Assert.Null(report.Actual);
        Assert.False(report.Passed);
    }

    [Fact]
    public void Check_UnknownLabelOrDroppedOnALabel_UsageMessage()
    {
        string[] labels = ["search", "browse"];

        Assert.Null(ThresholdJudge.Check([ThresholdParser.Parse("search.p99<5ms", out _)!], labels));
        Assert.Equal(
            "threshold 'session.p99<5ms': the scenario has no label 'session' (labels: search, browse)",
            ThresholdJudge.Check([ThresholdParser.Parse("session.p99<5ms", out _)!], labels));
        Assert.Equal(
            "threshold 'search.dropped<1': dropped requests have no label (they were never drawn); judge dropped on the total",
            ThresholdJudge.Check([ThresholdParser.Parse("search.dropped<1", out _)!], labels));
    }
}
