using System.Globalization;
using Microsoft.Extensions.Options;
using Pitchey.Gateway.Caching;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;
using static Pitchey.Gateway.IntegrationTests.Caching.CacheRequests;

namespace Pitchey.Gateway.IntegrationTests.Caching;

/// <summary>
/// <c>Cache:Redis</c> on a real single-node Redis Cluster: with a hash tag in
/// <c>Cache:RedisKeyPrefix</c> every key is in one slot and two gateways share entries and
/// evictions as on one Redis; without one, start-up stops naming the prefix, and a Cluster seen
/// only after start-up turns the shared store off (one error logged), never an error answer.
/// </summary>
[Collection(CacheCollection.Name)]
public sealed class ClusterCacheTests(CacheEnvironment env)
{
    private const string TaggedPrefix = "{pitchey:cache}:";

    [Fact]
    public async Task HashTaggedPrefix_OnACluster_TwoGatewaysShareEntriesAndEvictions_InOneSlot()
    {
        await using var redis = await RedisServer.StartClusterAsync();
        var settings = env.GatewaySettings();
        settings["Cache:Redis"] = redis.ConnectionString;
        settings["Cache:RedisKeyPrefix"] = TaggedPrefix;
        await using var first = await env.StartGatewayAsync(settings);
        await using var second = await env.StartGatewayAsync(settings);
        await SharedCacheTests.AssertSharedAsync(env, first, second, "Drama");

        // Entries, tag sets and counters: all in the prefix's slot, none elsewhere.
        var slot = Integer(await redis.CommandAsync("CLUSTER", "KEYSLOT", TaggedPrefix));
        var inSlot = Integer(await redis.CommandAsync("CLUSTER", "COUNTKEYSINSLOT", slot.ToString(CultureInfo.InvariantCulture)));
        Assert.True(inSlot >= 3, $"{inSlot} keys in the prefix's slot");
        Assert.Equal(inSlot, Integer(await redis.CommandAsync("DBSIZE")));

        Assert.DoesNotContain(first.Logs.Lines.Concat(second.Logs.Lines), l => l.Contains("CacheStoreTrouble", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PrefixWithoutHashTag_OnACluster_StopsStartup_NamingThePrefix()
    {
        await using var redis = await RedisServer.StartClusterAsync();
        var settings = env.GatewaySettings();
        settings["Cache:Redis"] = redis.ConnectionString;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => env.StartGatewayAsync(settings));

        Assert.Equal(RedisCacheConnection.ClusterWithoutHashTag, error.Message);
        Assert.Contains("Cache:RedisKeyPrefix", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(redis.ConnectionString, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrefixWithoutHashTag_ClusterSeenAfterStartup_StoreOff_LoggedOnce_AnsweredUncached()
    {
        var port = Loopback.FreePort();
        var settings = env.GatewaySettings();
        settings["Cache:Redis"] = $"127.0.0.1:{port}";
        await using var gateway = await env.StartGatewayAsync(settings); // nothing on the port yet: it starts all the same
        await using var redis = await RedisServer.StartClusterAsync(port);
        var listing = $"/api/pitches/public/trending?{Fresh("k=")}";

        await Eventually.HoldsAsync(async () =>
        {
            var answer = await GetAsync(gateway, listing);
            Assert.Equal((200, "MISS"), (answer.Status, answer.Cache));
            return gateway.Logs.Lines.Any(l => l.Contains("CacheRedisClusterWithoutHashTag", StringComparison.Ordinal));
        }, "the gateway sees the Cluster and logs it", TimeSpan.FromSeconds(60));

        var upstream = await env.StandIn.RequestCountAsync();
        Assert.Equal("MISS", (await GetAsync(gateway, listing)).Cache);
        Assert.Equal("MISS", (await GetAsync(gateway, listing)).Cache);
        Assert.Equal(upstream + 2, await env.StandIn.RequestCountAsync());
        Assert.Equal(0, Integer(await redis.CommandAsync("DBSIZE")));
        var line = Assert.Single(gateway.Logs.Lines, l => l.Contains("CacheRedisClusterWithoutHashTag", StringComparison.Ordinal));
        Assert.StartsWith("Error ", line, StringComparison.Ordinal);
        Assert.Contains("Cache:RedisKeyPrefix", line, StringComparison.Ordinal);
        Assert.DoesNotContain(settings["Cache:Redis"]!, line, StringComparison.Ordinal);
    }

    // A RESP integer reply (":42\r\n").
    private static long Integer(string reply)
    {
        Assert.StartsWith(":", reply, StringComparison.Ordinal);
        return long.Parse(reply.AsSpan(1).TrimEnd("\r\n"), CultureInfo.InvariantCulture);
    }
}
