using System.Net;
using static Pitchey.Gateway.IntegrationTests.ApiEndpoints.ApiRequests;

namespace Pitchey.Gateway.IntegrationTests.ApiEndpoints;

/// <summary><c>GET /api/creator/dashboard</c> over real HTTP: creators only, counted from the database.</summary>
[Collection(ApiEndpointsCollection.Name)]
public sealed class CreatorDashboardEndpointTests(ApiEndpointsEnvironment env)
{
    private HttpClient Client => env.Gateway.Client;

    [Fact]
    public async Task CreatorDashboard_CreatorGetsIt_InvestorIsForbidden_AnonymousUnauthorized()
    {
        using var creator = await Client.SendAsync(WithCookie("/api/creator/dashboard", "pitchey-session", env.Seed.CreatorTokens[0]));
        Assert.Equal(HttpStatusCode.OK, creator.StatusCode);
        Assert.Equal("private, max-age=60", creator.Headers.NonValidated["Cache-Control"].ToString());
        var data = (await JsonAsync(creator)).GetProperty("data");
        var overview = data.GetProperty("overview");
        foreach (var field in new[] { "totalPitches", "totalViews", "totalFollowers", "totalInvestments", "activeDeals", "pendingActions", "totalNDAs" })
        {
            Assert.True(overview.TryGetProperty(field, out _), $"overview lacks {field}");
        }

        var creatorId = await env.Primary.ScalarAsync<long>($"SELECT user_id FROM sessions WHERE id = '{env.Seed.CreatorTokens[0]}'");
        Assert.Equal(await env.Primary.ScalarAsync<long>($"SELECT count(*) FROM pitches WHERE user_id = {creatorId}"), overview.GetProperty("totalPitches").GetInt64());
        var recent = data.GetProperty("recentPitches").EnumerateArray().ToList();
        Assert.InRange(recent.Count, 1, 5);
        foreach (var field in new[] { "id", "title", "logline", "genre", "status", "views", "likes", "ndaRequests" })
        {
            Assert.True(recent[0].TryGetProperty(field, out _), $"recent pitch lacks {field}");
        }

        using var investor = await Client.SendAsync(WithBearer("/api/creator/dashboard", env.Seed.OtherTokens[0]));
        Assert.Equal(HttpStatusCode.Forbidden, investor.StatusCode);
        Assert.Equal("FORBIDDEN", (await JsonAsync(investor)).GetProperty("error").GetProperty("code").GetString());

        using var anonymous = await Client.GetAsync("/api/creator/dashboard");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
