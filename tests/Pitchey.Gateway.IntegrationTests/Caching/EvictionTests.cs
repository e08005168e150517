using Pitchey.Testing.Postgres;
using static Pitchey.Gateway.IntegrationTests.Caching.CacheRequests;

namespace Pitchey.Gateway.IntegrationTests.Caching;

/// <summary>
/// A successful proxied write evicts the tags its path names (a POST under <c>/api/pitches</c>
/// evicts <c>pitches</c>: the public listings and browse); a failed write or one elsewhere evicts
/// nothing. A hit never takes a turn of the database turnstile.
/// </summary>
[Collection(CacheCollection.Name)]
public sealed class EvictionTests(CacheEnvironment env)
{
    [Fact]
    public async Task ProxiedWrite_UnderPitches_EvictsThePitchesTag()
    {
        await using var gateway = await env.StartGatewayAsync();
        var listing = $"/api/pitches/public?{Fresh("k=")}";
        var browse = $"/api/pitches/browse/enhanced?genre=Horror&limit={Random.Shared.Next(2, 99)}";
        var session = "/api/auth/session";
        void Alice(HttpRequestMessage r) => Bearer(r, env.Seed.CreatorTokens[2]);
        foreach (var url in new[] { listing, browse })
        {
            Assert.Equal("MISS", (await GetAsync(gateway, url)).Cache);
            Assert.Equal("HIT", (await GetAsync(gateway, url)).Cache);
        }

        Assert.Equal("MISS", (await GetAsync(gateway, session, Alice)).Cache);

        // Elsewhere, or failed: nothing is evicted.
        using (var elsewhere = await PostAsync(gateway, "/api/messages"))
        {
            Assert.Equal(200, (int)elsewhere.StatusCode);
        }

        await env.StandIn.SetFaultsAsync(new { errorRate = 1.0, status = 500 });
        using (var failed = await PostAsync(gateway, "/api/pitches"))
        {
            Assert.Equal(500, (int)failed.StatusCode);
        }

        await env.StandIn.ClearFaultsAsync();
        Assert.Equal("HIT", (await GetAsync(gateway, listing)).Cache);
        Assert.Equal("HIT", (await GetAsync(gateway, browse)).Cache);

        using (var write = await PostAsync(gateway, "/api/pitches/12/publish"))
        {
            Assert.Equal(200, (int)write.StatusCode);
        }

        Assert.Equal("MISS", (await GetAsync(gateway, listing)).Cache);
        Assert.Equal("MISS", (await GetAsync(gateway, browse)).Cache);
        // The session's tag (users) was not named by that write.
        Assert.Equal("HIT", (await GetAsync(gateway, session, Alice)).Cache);
    }

    [Fact]
    public async Task Hits_NeverTakeATurnOfTheDatabaseTurnstile()
    {
        var settings = env.GatewaySettings();
        settings["Limits:DatabaseConcurrency"] = "1";
        settings["Limits:DatabaseQueueLimit"] = "0";
        settings["Limits:DatabaseQueueTimeout"] = "00:00:00";
        await using var gateway = await env.StartGatewayAsync(settings);
        var cached = $"/api/search?q=night&limit={Random.Shared.Next(2, 99)}";
        Assert.Equal("MISS", (await GetAsync(gateway, cached)).Cache);

        await using var held = await TableLock.HoldAsync(env.Primary.ConnectionString, "pitches");

        // The one turn is taken by a miss waiting on the lock.
        var holder = GetAsync(gateway, $"/api/search?q=lantern&limit={Random.Shared.Next(2, 99)}");
        await Eventually.HoldsAsync(async () => await env.Primary.ScalarAsync<long>(TableLock.WaitingGatewayQueries) == 1, "a miss holds the turn, waiting on the lock");

        var hit = await GetAsync(gateway, cached);
        var otherMiss = await GetAsync(gateway, $"/api/search?q=harbour&limit={Random.Shared.Next(2, 99)}");

        Assert.Equal((200, "HIT"), (hit.Status, hit.Cache));
        Assert.Equal(503, otherMiss.Status);
        await held.DisposeAsync();
        Assert.Equal(200, (await holder).Status);
    }
}
