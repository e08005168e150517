using Pitchey.Testing.Postgres;
using static Pitchey.Gateway.IntegrationTests.Caching.CacheRequests;

namespace Pitchey.Gateway.IntegrationTests.Caching;

/// <summary>
/// Stale answers (RFC 5861): while the breaker is held open (the management plane's isolate) the
/// last good answer is served, with <c>Age</c> and <c>X-Cache: STALE</c>, up to its stale-if-error
/// window, then the breaker's 503 comes through; a tuned endpoint's query timing out against a held
/// lock is replaced the same way; while a refresh runs in the background requests get the stale
/// answer at once, and one refresh goes upstream however many requests saw it stale.
/// The tests wait for states (an answer turning STALE), never for durations.
/// </summary>
[Collection(CacheCollection.Name)]
public sealed class StaleTests(CacheEnvironment env)
{
    [Fact]
    public async Task StaleIfError_WhileTheBreakerIsHeldOpen_ServesTheLastGoodAnswer_UpToItsWindow()
    {
        var settings = env.GatewaySettings();
        settings["Cache:Policies:public-pitch:Ttl"] = "00:00:01";
        settings["Cache:Policies:public-pitch:StaleWhileRevalidate"] = "00:00:00";
        settings["Cache:Policies:public-pitch:StaleIfError"] = "01:00:00";
        settings["Cache:Policies:public-listings:Ttl"] = "00:00:01";
        settings["Cache:Policies:public-listings:StaleWhileRevalidate"] = "00:00:00";
        settings["Cache:Policies:public-listings:StaleIfError"] = "00:00:02";
        await using var gateway = await env.StartGatewayAsync(settings);
        var pitch = $"/api/pitches/public/7?{Fresh("k=")}";
        var listing = $"/api/pitches/public?{Fresh("k=")}";
        var good = await GetAsync(gateway, pitch);
        var goodListing = await GetAsync(gateway, listing);
        Assert.Equal(("MISS", "MISS"), (good.Cache, goodListing.Cache));

        using (var isolate = await gateway.Management.PostAsync("/admin/breakers/api/isolate", null))
        {
            isolate.EnsureSuccessStatusCode();
        }

        try
        {
            var upstream = await env.StandIn.RequestCountAsync();
            using (var uncached = await gateway.Client.GetAsync("/api/pitches/99"))
            {
                Assert.Equal(503, (int)uncached.StatusCode);
            }

            HttpResponseMessage? stale = null;
            await Eventually.HoldsAsync(async () =>
            {
                stale?.Dispose();
                stale = await gateway.Client.GetAsync(pitch);
                return XCache(stale) == "STALE";
            }, "the expired entry is served stale while the breaker is open", TimeSpan.FromSeconds(20));

            Assert.Equal(200, (int)stale!.StatusCode);
            Assert.Equal(good.Body, await stale.Content.ReadAsStringAsync());
            Assert.True(stale.Headers.Age >= TimeSpan.FromSeconds(1));
            stale.Dispose();

            // Past its stale-if-error window the failure comes through.
            await Eventually.HoldsAsync(async () => (await GetAsync(gateway, listing)).Status == 503,
                "past max-stale the breaker's 503 is answered", TimeSpan.FromSeconds(20));
            Assert.Equal(upstream, await env.StandIn.RequestCountAsync());
        }
        finally
        {
            using var reset = await gateway.Management.PostAsync("/admin/breakers/api/reset", null);
        }

        var healed = await GetAsync(gateway, pitch);
        Assert.Equal((200, "MISS"), (healed.Status, healed.Cache));
    }

    [Fact]
    public async Task StaleIfError_ForAFailingUpstream_ServesTheLastGoodAnswer()
    {
        var settings = env.GatewaySettings();
        settings["Cache:Policies:public-top:Ttl"] = "00:00:01";
        settings["Cache:Policies:public-top:StaleWhileRevalidate"] = "00:00:00";
        settings["Resilience:Clusters:api:MinimumThroughput"] = "100000";
        await using var gateway = await env.StartGatewayAsync(settings);
        var url = $"/api/pitches/public/featured?{Fresh("k=")}";
        var good = await GetAsync(gateway, url);
        await env.StandIn.SetFaultsAsync(new { errorRate = 1.0, status = 502 });
        try
        {
            (int Status, string? Cache, string Body) answer = default;
            await Eventually.HoldsAsync(async () => (answer = await GetAsync(gateway, url)).Cache == "STALE",
                "a 502 from the upstream is replaced by the stale answer", TimeSpan.FromSeconds(20));
            Assert.Equal((200, good.Body), (answer.Status, answer.Body));
        }
        finally
        {
            await env.StandIn.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task StaleIfError_ForATunedEndpointWhoseDatabaseFails_ServesTheLastGoodAnswer()
    {
        var settings = env.GatewaySettings();
        settings["Cache:Policies:browse:Ttl"] = "00:00:01";
        settings["Cache:Policies:browse:StaleWhileRevalidate"] = "00:00:00";
        settings["Cache:Policies:browse:StaleIfError"] = "01:00:00";
        settings["Limits:TunedEndpointTimeout"] = "00:00:00.500";
        await using var gateway = await env.StartGatewayAsync(settings);
        var url = $"/api/pitches/browse/enhanced?genre=Romance&limit={Random.Shared.Next(2, 99)}";
        var good = await GetAsync(gateway, url);
        Assert.Equal((200, "MISS"), (good.Status, good.Cache));

        await using (await TableLock.HoldAsync(env.Primary.ConnectionString, "pitches"))
        {
            // Uncached, the same query times out against the held lock.
            var uncached = await GetAsync(gateway, $"/api/pitches/browse/enhanced?genre=Action&limit={Random.Shared.Next(2, 99)}");
            Assert.True(uncached.Status >= 500, $"status {uncached.Status}");

            HttpResponseMessage? stale = null;
            await Eventually.HoldsAsync(async () =>
            {
                stale?.Dispose();
                stale = await gateway.Client.GetAsync(url);
                return XCache(stale) == "STALE";
            }, "the expired entry stands in for the failing query", TimeSpan.FromSeconds(20));

            Assert.Equal(200, (int)stale!.StatusCode);
            Assert.Equal(good.Body, await stale.Content.ReadAsStringAsync());
            Assert.True(stale.Headers.Age >= TimeSpan.FromSeconds(1));
            stale.Dispose();
        }

        await Eventually.HoldsAsync(async () => (await GetAsync(gateway, url)).Cache == "MISS", "with the lock gone the query runs again");
    }

    [Fact]
    public async Task StaleWhileRevalidate_ServesStaleAtOnce_WhileOneRefreshRunsInTheBackground()
    {
        var settings = env.GatewaySettings();
        settings["Cache:Policies:public-top:Ttl"] = "00:00:05";
        settings["Cache:Policies:public-top:StaleWhileRevalidate"] = "01:00:00";
        await using var gateway = await env.StartGatewayAsync(settings);
        var url = $"/api/pitches/public/trending?{Fresh("k=")}";
        var before = await env.StandIn.RequestCountAsync();
        Assert.Equal("MISS", (await GetAsync(gateway, url)).Cache);
        await env.StandIn.SetFaultsAsync(new { latencyMs = 2_000 });
        try
        {
            await Eventually.HoldsAsync(async () => (await GetAsync(gateway, url)).Cache == "STALE", "the entry turns stale", TimeSpan.FromSeconds(30));
            Assert.Equal(1, Refresher(gateway).Running);
            var during = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => GetAsync(gateway, url)));
            Assert.All(during, a => Assert.Equal((200, "STALE"), (a.Status, a.Cache)));
            await Eventually.HoldsAsync(() => Refresher(gateway).Running == 0, "the refresh finished", TimeSpan.FromSeconds(30));
        }
        finally
        {
            await env.StandIn.ClearFaultsAsync();
        }

        Assert.Equal(before + 2, await env.StandIn.RequestCountAsync());
        Assert.Equal("HIT", (await GetAsync(gateway, url)).Cache);
    }
}
