using System.Net;
using Pitchey.Testing.Gateway;

namespace Pitchey.Gateway.IntegrationTests.RateLimiting;

/// <summary>
/// <c>RateLimiting:Redis</c>: two gateways count one client's requests in one real redis-server, so
/// the client gets the policy's budget once, not once per gateway; while Redis is away each
/// gateway limits on its own instead of failing. The same on a single-node Redis Cluster: the
/// library keeps each limiter's keys under one hash tag, so its scripts run there unchanged.
/// </summary>
[Collection(SharedEnvironmentCollection.Name)]
public sealed class SharedRateLimitTests(SharedEnvironment shared)
{
    [Fact]
    public async Task TwoGateways_ShareOneBudget_ThroughRedis()
    {
        await using var redis = await RedisServer.StartAsync();
        await AssertOneBudgetAsync(redis);
    }

    [Fact]
    public async Task TwoGateways_ShareOneBudget_ThroughARedisCluster()
    {
        await using var redis = await RedisServer.StartClusterAsync();
        await AssertOneBudgetAsync(redis);
    }

    private async Task AssertOneBudgetAsync(RedisServer redis)
    {
        var settings = RateLimitingTests.Limited(shared.GatewaySettings());
        settings["RateLimiting:Policies:api:PermitLimit"] = "4";
        settings["RateLimiting:Redis"] = redis.ConnectionString;
        await using var first = await shared.StartGatewayAsync(settings);
        await using var second = await shared.StartGatewayAsync(settings);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(first));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(second));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(first));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(second));

        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(first));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(second));

        // Redis gone: each gateway counts on its own again (a fresh budget here), never a 5xx.
        await redis.StopAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(first));
    }

    private static async Task<HttpStatusCode> StatusAsync(GatewayServer gateway)
    {
        using var response = await gateway.Client.GetAsync("/api/pitches");
        return response.StatusCode;
    }
}
