using System.Net;

namespace Pitchey.Gateway.IntegrationTests.ApiEndpoints;

/// <summary>What the API endpoints take from the proxy: their paths never reach the upstream, every other path still does.</summary>
[Collection(ApiEndpointsCollection.Name)]
public sealed class ApiEndpointsExtensionsTests(ApiEndpointsEnvironment env)
{
    private HttpClient Client => env.Gateway.Client;

    [Fact]
    public async Task ApiPaths_NeverReachTheUpstream_OtherPathsStillDo()
    {
        var before = await env.StandIn.RequestCountAsync();
        string[] urls =
        [
            "/api/pitches/browse/enhanced", "/api/pitches/browse/enhanced?limit=0", "/api/pitches/search?q=love",
            "/api/search?q=war", "/api/auth/session", "/api/creator/dashboard", "/api/dashboard/stats",
        ];
        foreach (var url in urls)
        {
            using var response = await Client.GetAsync(url);
            Assert.NotEqual(HttpStatusCode.BadGateway, response.StatusCode);
        }

        Assert.Equal(before, await env.StandIn.RequestCountAsync());
        using var other = await Client.GetAsync("/api/pitches/123");
        Assert.Equal(before + 1, await env.StandIn.RequestCountAsync());
    }
}
