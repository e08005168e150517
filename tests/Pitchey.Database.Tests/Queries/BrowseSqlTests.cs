using Pitchey.Database.Queries;

namespace Pitchey.Database.Tests.Queries;

public sealed class BrowseSqlTests
{
    [Fact]
    public void BuildPage_FiltersAndCursor_AreParameterisedNeverInlined()
    {
        var sql = BrowseSql.BuildPage(BrowseSql.FilterShape(new BrowseFilter("x", "y", "z", 1m, 2m)) | BrowseSql.CursorShape, BrowseSort.Budget, true);

        Assert.Contains("p.genre = $1", sql, StringComparison.Ordinal);
        Assert.Contains("p.estimated_budget <= $5", sql, StringComparison.Ordinal);
        Assert.Contains("(coalesce(p.estimated_budget, 0), p.id) < ($6, $7)", sql, StringComparison.Ordinal);
        Assert.Contains("LIMIT $8)", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_SameShape_IsBuiltOnceAndReused()
    {
        var shape = BrowseSql.FilterShape(new BrowseFilter("Drama", null, null, null, null));

        Assert.Same(BrowseSql.Page(shape, BrowseSort.Views, false), BrowseSql.Page(shape, BrowseSort.Views, false));
        Assert.NotEqual(BrowseSql.Page(shape, BrowseSort.Views, false), BrowseSql.Page(shape, BrowseSort.Views, true));
    }
}
