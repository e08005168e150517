using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Pitchey.Database.Queries;
using Pitchey.Gateway.ApiEndpoints;

namespace Pitchey.Gateway.Tests.ApiEndpoints;

public sealed class BrowseParametersTests
{
    private const int MaxOffset = 10_000;
    private readonly BrowseCursorCodec _codec = new("unit-test-secret-0123456789-0123456789");

    private static QueryCollection Query(string queryString) => new(QueryHelpers.ParseQuery(queryString));

    [Fact]
    public void TryParse_FrontendCall_ParsesEveryParameter()
    {
        Assert.True(BrowseParameters.TryParse(
            Query("?genre=Drama&sort=date&order=desc&limit=24&offset=48"), MaxOffset, _codec, out var request, out var error), error);

        Assert.Equal(new BrowseFilter("Drama", null, null, null, null), request!.Filter);
        Assert.Equal(BrowseSort.Date, request.Sort);
        Assert.True(request.Descending);
        Assert.Equal(24, request.Limit);
        Assert.Equal(48, request.Offset);
        Assert.Null(request.Cursor);
    }

    [Fact]
    public void TryParse_Nothing_UsesDefaults()
    {
        Assert.True(BrowseParameters.TryParse(Query(""), MaxOffset, _codec, out var request, out _));

        Assert.Equal(new BrowseRequest(new BrowseFilter(null, null, null, null, null), BrowseSort.Date, true, 24, 0, null), request);
    }

    [Theory]
    [InlineData("?sort=newest&order=ASC&page=3&limit=10", BrowseSort.Date, false, 20)]
    [InlineData("?sort=views", BrowseSort.Views, true, 0)]
    [InlineData("?sort=likes&page=2", BrowseSort.Likes, true, 24)]
    [InlineData("?sort=Budget&budgetMin=1000.50&budgetMax=2000&genre=all", BrowseSort.Budget, true, 0)]
    public void TryParse_Variants_AreAccepted(string query, BrowseSort sort, bool descending, int offset)
    {
        Assert.True(BrowseParameters.TryParse(Query(query), MaxOffset, _codec, out var request, out var error), error);
        Assert.Equal(sort, request!.Sort);
        Assert.Equal(descending, request.Descending);
        Assert.Equal(offset, request.Offset);
        Assert.Null(request.Filter.Genre);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?limit=abc", "limit")]
    [InlineData("?limit=-1", "limit")]
    [InlineData("?limit=1&limit=2", "limit")]
    [InlineData("?offset=-5", "offset")]
    [InlineData("?offset=10001", "offset")]
    [InlineData("?offset=1e3", "offset")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=99999999999", "page")]
    [InlineData("?sort=rating", "sort")]
    [InlineData("?order=up", "order")]
    [InlineData("?budgetMin=-1", "budgetMin")]
    [InlineData("?budgetMax=lots", "budgetMax")]
    [InlineData("?budgetMax=1e30", "budgetMax")]
    [InlineData("?budgetMin=10&budgetMax=5", "budgetMin")]
    [InlineData("?cursor=nonsense", "cursor")]
    public void TryParse_BadParameter_NamesIt(string query, string parameter)
    {
        Assert.False(BrowseParameters.TryParse(Query(query), MaxOffset, _codec, out var request, out var error));
        Assert.Null(request);
        Assert.StartsWith(parameter + " ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_OverlongGenre_NamesIt()
    {
        Assert.False(BrowseParameters.TryParse(Query("?genre=" + new string('x', 101)), MaxOffset, _codec, out _, out var error));
        Assert.StartsWith("genre ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_CursorFromAnotherSort_IsRejected()
    {
        var filter = new BrowseFilter(null, null, null, null, null);
        var cursor = _codec.Encode(new BrowseCursor(BrowseSort.Views, true, 10, 5, 24), filter);

        Assert.True(BrowseParameters.TryParse(Query("?sort=views&cursor=" + cursor), MaxOffset, _codec, out var request, out _));
        Assert.Equal(5, request!.Cursor!.Id);
        Assert.False(BrowseParameters.TryParse(Query("?sort=likes&cursor=" + cursor), MaxOffset, _codec, out _, out var error));
        Assert.StartsWith("cursor ", error, StringComparison.Ordinal);
        Assert.False(BrowseParameters.TryParse(Query("?sort=views&genre=Drama&cursor=" + cursor), MaxOffset, _codec, out _, out error));
        Assert.StartsWith("cursor ", error, StringComparison.Ordinal);
    }
}
