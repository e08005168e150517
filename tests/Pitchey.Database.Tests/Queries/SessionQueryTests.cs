using Pitchey.Database.Queries;

namespace Pitchey.Database.Tests.Queries;

public sealed class SessionQueryTests
{
    [Fact]
    public void HashToken_IsLowercaseHexSha256()
    {
        // sha256("abc"), the FIPS 180-2 test vector.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SessionQuery.HashToken("abc"));
    }

    [Fact]
    public void BrowseSql_FiltersAndCursor_AreParameterisedNeverInlined()
    {
        var sql = BrowseQuery.BuildPageSql(BrowseQuery.FilterShape(new BrowseFilter("x", "y", "z", 1m, 2m)) | BrowseQuery.CursorShape, BrowseSort.Budget, true);

        Assert.Contains("p.genre = $1", sql, StringComparison.Ordinal);
        Assert.Contains("p.estimated_budget <= $5", sql, StringComparison.Ordinal);
        Assert.Contains("(coalesce(p.estimated_budget, 0), p.id) < ($6, $7)", sql, StringComparison.Ordinal);
        Assert.Contains("LIMIT $8)", sql, StringComparison.Ordinal);
    }
}
