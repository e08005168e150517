using Pitchey.Testing.Gateway;
using static Pitchey.Gateway.IntegrationTests.Caching.CacheRequests;

namespace Pitchey.Gateway.IntegrationTests.Caching;

/// <summary>
/// <c>Cache:Redis</c>: two gateways on one real redis-server share entries (one fills, the other
/// hits, the upstream is asked once) and evictions (a write through one evicts for both); with
/// Redis gone each answers uncached, never an error.
/// </summary>
[Collection(CacheCollection.Name)]
public sealed class SharedCacheTests(CacheEnvironment env)
{
    [Fact]
    public async Task TwoGateways_ShareEntriesAndEvictions_ThroughOneRedis()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = env.GatewaySettings();
        settings["Cache:Redis"] = redis.ConnectionString;
        await using var first = await env.StartGatewayAsync(settings);
        await using var second = await env.StartGatewayAsync(settings);
        var listing = $"/api/pitches/public/trending?{Fresh("k=")}";
        var browse = $"/api/pitches/browse/enhanced?genre=Thriller&limit={Random.Shared.Next(2, 99)}";
        var upstream = await env.StandIn.RequestCountAsync();

        var filled = await GetAsync(first, listing);
        var shared = await GetAsync(second, listing);
        Assert.Equal(("MISS", "HIT"), (filled.Cache, shared.Cache));
        Assert.Equal(filled.Body, shared.Body);
        Assert.Equal(upstream + 1, await env.StandIn.RequestCountAsync());
        Assert.Equal("MISS", (await GetAsync(second, browse)).Cache);
        Assert.Equal("HIT", (await GetAsync(first, browse)).Cache);

        using (var write = await PostAsync(first, "/api/pitches"))
        {
            Assert.Equal(200, (int)write.StatusCode);
        }

        Assert.Equal("MISS", (await GetAsync(second, listing)).Cache);
        Assert.Equal("MISS", (await GetAsync(second, browse)).Cache);
        Assert.Equal("HIT", (await GetAsync(first, listing)).Cache);

        await redis.StopAsync();
        var alone = await GetAsync(first, listing);
        Assert.Equal((200, "MISS"), (alone.Status, alone.Cache));
    }
}
