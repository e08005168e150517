using System.Net;
using static Pitchey.Gateway.IntegrationTests.ApiEndpoints.ApiRequests;

namespace Pitchey.Gateway.IntegrationTests.ApiEndpoints;

/// <summary><c>GET /api/pitches/browse/enhanced</c> over real HTTP: the frontend's call, answered from the seeded database without the upstream.</summary>
[Collection(ApiEndpointsCollection.Name)]
public sealed class BrowseEndpointTests(ApiEndpointsEnvironment env)
{
    private HttpClient Client => env.Gateway.Client;

    [Fact]
    public async Task Browse_TheFrontendsExactCall_AnswersItemsTotalAndTotalPages()
    {
        var upstreamBefore = await env.StandIn.RequestCountAsync();

        using var response = await Client.GetAsync("/api/pitches/browse/enhanced?genre=Drama&sort=date&order=desc&limit=24&offset=48");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await JsonAsync(response);
        var total = await env.Primary.ScalarAsync<long>($"SELECT count(*) FROM pitches WHERE {Visible} AND genre = 'Drama'");
        var expectedIds = await env.Primary.IdsAsync(
            $"SELECT id FROM pitches WHERE {Visible} AND genre = 'Drama' ORDER BY created_at DESC, id DESC LIMIT 24 OFFSET 48");
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(total, body.GetProperty("total").GetInt64());
        Assert.Equal((total + 23) / 24, body.GetProperty("totalPages").GetInt64());
        Assert.Equal(3, body.GetProperty("page").GetInt32());
        Assert.Equal(24, body.GetProperty("limit").GetInt32());
        Assert.True(body.GetProperty("hasMore").GetBoolean());
        Assert.False(body.GetProperty("totalIsEstimate").GetBoolean());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expectedIds, items.Select(i => i.GetProperty("id").GetInt64()));

        var item = items[0];
        foreach (var field in new[] { "id", "title", "logline", "genre", "format", "productionStage", "viewCount", "likeCount", "estimatedBudget", "createdAt", "hasNDA", "creator" })
        {
            Assert.True(item.TryGetProperty(field, out _), $"item lacks {field}");
        }

        Assert.Equal("Drama", item.GetProperty("genre").GetString());
        var creator = item.GetProperty("creator");
        foreach (var field in new[] { "id", "username", "userType", "companyName" })
        {
            Assert.True(creator.TryGetProperty(field, out _), $"creator lacks {field}");
        }

        Assert.Equal(upstreamBefore, await env.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task Browse_NextCursor_ContinuesWhereTheOffsetPageWould()
    {
        var first = await JsonAsync(await Client.GetAsync("/api/pitches/browse/enhanced?sort=views&order=asc&limit=5"));
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.False(string.IsNullOrEmpty(cursor));

        var viaCursor = await JsonAsync(await Client.GetAsync($"/api/pitches/browse/enhanced?sort=views&order=asc&limit=5&cursor={Uri.EscapeDataString(cursor!)}"));
        var viaOffset = await JsonAsync(await Client.GetAsync("/api/pitches/browse/enhanced?sort=views&order=asc&limit=5&offset=5"));

        Assert.Equal(Ids(viaOffset, "items"), Ids(viaCursor, "items"));
        Assert.Equal(2, viaCursor.GetProperty("page").GetInt32());
        Assert.Equal(viaOffset.GetProperty("total").GetInt64(), viaCursor.GetProperty("total").GetInt64());
    }
}
