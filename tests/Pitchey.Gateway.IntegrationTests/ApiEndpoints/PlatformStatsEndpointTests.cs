using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pitchey.Database.Queries;
using static Pitchey.Gateway.IntegrationTests.ApiEndpoints.ApiRequests;

namespace Pitchey.Gateway.IntegrationTests.ApiEndpoints;

/// <summary><c>GET /api/dashboard/stats</c> over real HTTP: one snapshot serves every request.</summary>
[Collection(ApiEndpointsCollection.Name)]
public sealed class PlatformStatsEndpointTests(ApiEndpointsEnvironment env)
{
    private HttpClient Client => env.Gateway.Client;

    [Fact]
    public async Task PlatformStats_ServedFromTheSnapshot_NotTheDatabasePerRequest()
    {
        var snapshot = env.Gateway.Services.GetRequiredService<PlatformStatsSnapshot>();
        string? firstBody = null;
        for (var i = 0; i < 25; i++)
        {
            using var response = await Client.GetAsync("/api/dashboard/stats");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            firstBody ??= body;
            Assert.Equal(firstBody, body);
        }

        Assert.Equal(1, snapshot.Refreshes);
        var data = JsonDocument.Parse(firstBody!).RootElement.GetProperty("data");
        Assert.Equal(await env.Primary.ScalarAsync<long>($"SELECT count(*) FROM pitches WHERE {Visible}"), data.GetProperty("totalPitches").GetInt64());
        foreach (var field in new[] { "totalViews", "totalInvestments", "activeUsers", "newPitchesThisWeek", "lastUpdated" })
        {
            Assert.True(data.TryGetProperty(field, out _), $"stats lack {field}");
        }
    }
}
