using Pitchey.Migrations.Verification;

namespace Pitchey.Migrations.Tests.Verification;

public sealed class PlanComparerTests
{
    [Fact]
    public void Compare_CheaperPlanWithTheSameIndexes_IsNoRegression()
    {
        var before = Plan("browse", 100, ["idx_a"]);
        var after = Plan("browse", 40, ["idx_a", "idx_new"]);

        Assert.Empty(PlanComparer.Compare([before], [after], 0.2));
    }

    [Fact]
    public void Compare_CostGrowthWithinTheAllowance_IsNoRegression() =>
        Assert.Empty(PlanComparer.Compare([Plan("browse", 100, [])], [Plan("browse", 120, [])], 0.2));

    [Fact]
    public void Compare_CostGrewPastTheAllowance_AndTheIndexItUsedIsGone_SaysBoth()
    {
        var before = Plan("by_genre", 8.31, ["idx_pitches_genre"]);
        var after = Plan("by_genre", 412.5, [], seqScans: ["pitches"]);

        var regression = Assert.Single(PlanComparer.Compare([before], [after], 0.2));

        Assert.Equal(("by_genre", 4), (regression.Query, regression.Line));
        Assert.Equal("estimated cost grew from 8.31 to 412.5 (+4864 %); no longer uses idx_pitches_genre (now scans pitches sequentially)", regression.Problem);
    }

    [Fact]
    public void Compare_IndexDisplacedByANewOne_IsReportedEvenWhenCheaper()
    {
        var regression = Assert.Single(PlanComparer.Compare([Plan("q", 10, ["idx_old"])], [Plan("q", 8, ["idx_new"])], 0.2));

        Assert.Equal("no longer uses idx_old (now uses idx_new)", regression.Problem);
    }

    [Fact]
    public void Compare_QueryNoLongerPlans_IsARegression_ButOneThatNeverPlannedIsNotCompared()
    {
        var before = new[] { Plan("q", 10, []), new QueryPlan("broken", 9, [], [], "42703: column \"nope\" does not exist") };
        var after = new[] { new QueryPlan("q", 4, [], [], "42P01: relation \"gone\" does not exist"), before[1] };

        var regression = Assert.Single(PlanComparer.Compare(before, after, 0.2));

        Assert.Equal("can no longer be planned: 42P01: relation \"gone\" does not exist", regression.Problem);
    }

    private static QueryPlan Plan(string name, double cost, string[] indexes, string[]? seqScans = null) =>
        new(name, 4, indexes, seqScans ?? [], null, cost);
}
