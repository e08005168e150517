using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;
using static Pitchey.Gateway.IntegrationTests.Caching.CacheRequests;

namespace Pitchey.Gateway.IntegrationTests.Caching;

/// <summary>
/// <c>Cache:Redis</c>: two gateways on one real redis-server share entries (one fills, the other
/// hits, the upstream is asked once) and evictions (a write through one evicts for both), and the
/// tag counters: a fill on one racing a write's eviction on the other stores nothing; with Redis
/// gone each answers uncached, never an error.
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
        var listing = await AssertSharedAsync(env, first, second, "Thriller");

        await redis.StopAsync();
        var alone = await GetAsync(first, listing);
        Assert.Equal((200, "MISS"), (alone.Status, alone.Cache));
    }

    [Fact]
    public async Task FillOnOneGateway_RacingAnEvictionThroughTheOther_StoresNothing()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = env.GatewaySettings();
        settings["Cache:Redis"] = redis.ConnectionString;
        settings["Limits:TunedEndpointTimeout"] = "00:01:00";
        await using var first = await env.StartGatewayAsync(settings);
        await using var second = await env.StartGatewayAsync(settings);
        var browse = $"/api/pitches/browse/enhanced?genre=Comedy&limit={Random.Shared.Next(2, 99)}";

        // The first gateway's fill reads the tag counters, then waits on the lock: its answer is
        // read before the write below, and would land after the write's eviction.
        var held = await TableLock.HoldAsync(env.Primary.ConnectionString, "pitches");
        Task<(int Status, string? Cache, string Body)> fill;
        try
        {
            fill = GetAsync(first, browse);
            await Eventually.HoldsAsync(async () => await env.Primary.ScalarAsync<long>(TableLock.WaitingGatewayQueriesOf("browse")) >= 1, "the fill's browse waits on the lock");
            using var write = await PostAsync(second, "/api/pitches");
            Assert.Equal(200, (int)write.StatusCode);
        }
        finally
        {
            await held.DisposeAsync();
        }

        Assert.Equal((200, "MISS"), ((await fill).Status, (await fill).Cache));
        Assert.Equal("MISS", (await GetAsync(second, browse)).Cache);
        Assert.Equal("HIT", (await GetAsync(first, browse)).Cache);
    }

    /// <summary>
    /// What two gateways on one shared store must show: one fills, the other hits (the upstream asked
    /// once), for a forwarded listing and a tuned endpoint; a write through the first evicts both for
    /// both. Returns the listing's path (filled again on the second gateway by then).
    /// </summary>
    internal static async Task<string> AssertSharedAsync(CacheEnvironment env, GatewayServer first, GatewayServer second, string genre)
    {
        var listing = $"/api/pitches/public/trending?{Fresh("k=")}";
        var browse = $"/api/pitches/browse/enhanced?genre={genre}&limit={Random.Shared.Next(2, 99)}";
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
        return listing;
    }
}
