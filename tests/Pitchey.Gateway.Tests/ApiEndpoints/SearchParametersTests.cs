using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Pitchey.Database.Queries;
using Pitchey.Gateway.ApiEndpoints;

namespace Pitchey.Gateway.Tests.ApiEndpoints;

public sealed class SearchParametersTests
{
    private const int MaxOffset = 10_000;

    private static QueryCollection Query(string queryString) => new(QueryHelpers.ParseQuery(queryString));

    [Fact]
    public void TryParse_AnyText_IsAccepted()
    {
        Assert.True(SearchParameters.TryParse(Query("?q=%22space%20ship%22%20-war%20OR%20(&genre=Drama&page=2&limit=10"), MaxOffset, out var request, out var error), error);

        Assert.Equal(new SearchRequest("\"space ship\" -war OR (", "Drama", null, 10, 10), request);
    }

    [Fact]
    public void TryParse_Text_IsKeptAsTyped()
    {
        // Substring mode matches the text literally, as the API does: spaces and wildcard characters included.
        Assert.True(SearchParameters.TryParse(Query("?q=%20war%25_%5C%20"), MaxOffset, out var request, out var error), error);

        Assert.Equal(" war%_\\ ", request!.Text);
    }

    [Theory]
    [InlineData("?q=x&page=0", "page")]
    [InlineData("?q=x&page=1000", "page")]
    [InlineData("?q=x&limit=500", "limit")]
    [InlineData("?q=a&q=b", "q")]
    [InlineData("?q=a%00b", "q")]
    public void TryParse_BadParameter_NamesIt(string query, string parameter)
    {
        Assert.False(SearchParameters.TryParse(Query(query), MaxOffset, out _, out var error));
        Assert.StartsWith(parameter + " ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_OverlongText_NamesQ()
    {
        Assert.False(SearchParameters.TryParse(Query("?q=" + new string('a', 501)), MaxOffset, out _, out var error));
        Assert.StartsWith("q ", error, StringComparison.Ordinal);
    }
}
