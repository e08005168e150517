using System.Net;
using Pitchey.LoadTests.Seeding;
using static Pitchey.Gateway.IntegrationTests.ApiEndpoints.ApiRequests;

namespace Pitchey.Gateway.IntegrationTests.ApiEndpoints;

/// <summary><c>/api/pitches/search</c> and <c>/api/search</c> over real HTTP: the paginated envelope and its total, whatever the text.</summary>
[Collection(ApiEndpointsCollection.Name)]
public sealed class SearchEndpointTests(ApiEndpointsEnvironment env)
{
    private HttpClient Client => env.Gateway.Client;

    [Theory]
    [InlineData("/api/pitches/search")]
    [InlineData("/api/search")]
    public async Task Search_AnswersThePaginatedEnvelopeAndXTotalCount(string path)
    {
        var word = await SelectiveWordAsync();
        var total = await env.Primary.ScalarAsync<long>(
            $"SELECT count(*) FROM pitches WHERE {Visible} AND search_vector @@ websearch_to_tsquery('english', '{word}')");

        using var response = await Client.GetAsync($"{path}?q={word}&page=1&limit=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("X-Total-Count")));
        var body = await JsonAsync(response);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(Math.Min(3, total), body.GetProperty("data").GetArrayLength());
        var pagination = body.GetProperty("meta").GetProperty("pagination");
        Assert.Equal(1, pagination.GetProperty("page").GetInt32());
        Assert.Equal(3, pagination.GetProperty("limit").GetInt32());
        Assert.Equal(total, pagination.GetProperty("total").GetInt64());
        Assert.Equal(total > 3, pagination.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task Search_AnyText_IsNeverAServerError()
    {
        foreach (var text in new[] { "\"unclosed", "a & b | !c", "-", "' OR 1=1 --", "(((", "" })
        {
            using var response = await Client.GetAsync("/api/pitches/search?q=" + Uri.EscapeDataString(text));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private async Task<string> SelectiveWordAsync()
    {
        var text = new SeedText();
        foreach (var rank in new[] { 300, 500, 200, 800, 100 })
        {
            var word = text.WordAt(rank);
            var count = await env.Primary.ScalarAsync<long>(
                $"SELECT count(*) FROM pitches WHERE {Visible} AND search_vector @@ websearch_to_tsquery('english', '{word}')");
            if (count is >= 4 and <= 500)
            {
                return word;
            }
        }

        throw new InvalidOperationException("no selective word in the seeded data");
    }
}
