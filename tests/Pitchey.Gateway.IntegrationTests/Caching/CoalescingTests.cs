using Pitchey.Testing.Postgres;
using static Pitchey.Gateway.IntegrationTests.Caching.CacheRequests;

namespace Pitchey.Gateway.IntegrationTests.Caching;

/// <summary>
/// Concurrent misses of one key make one fill: 200 requests at once cost one database query (a
/// tuned endpoint, counted by pg_stat_statements while a held table lock keeps the query waiting
/// until all 199 others wait on it) or one upstream request (a forwarded route, counted by the
/// stand-in while its latency keeps the fill open), and all 200 get the same answer.
/// </summary>
[Collection(CacheCollection.Name)]
public sealed class CoalescingTests(CacheEnvironment env)
{
    private const int Requests = 200;
    private const string PageStatement = "FROM (SELECT p.id FROM pitches p WHERE";

    [Fact]
    public async Task ConcurrentMisses_OfATunedEndpoint_RunOneDatabaseQuery()
    {
        await using var gateway = await env.StartGatewayAsync();
        var url = $"/api/pitches/browse/enhanced?genre=Drama&stage=Development&budgetMin=1&budgetMax={Random.Shared.Next(1_000_000, 9_000_000)}&sort=likes&order=asc&limit=7";
        var before = await env.StatementCallsAsync(PageStatement);

        Task<(int Status, string? Cache, string Body)>[] requests;
        await using (await TableLock.HoldAsync(env.Primary.ConnectionString, "pitches"))
        {
            requests = Enumerable.Range(0, Requests).Select(_ => GetAsync(gateway, url)).ToArray();
            await Eventually.HoldsAsync(() => Fills(gateway).Waiting == Requests - 1, "199 requests wait on the one fill", TimeSpan.FromSeconds(60));
            await Eventually.HoldsAsync(async () => await env.Primary.ScalarAsync<long>(TableLock.WaitingGatewayQueries) == 1, "the fill's query waits on the lock");
            Assert.Equal(1, Fills(gateway).InFlight);
        }

        var answers = await Task.WhenAll(requests);

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Equal(1, answers.Count(a => a.Cache == "MISS"));
        Assert.Equal(Requests - 1, answers.Count(a => a.Cache == "HIT"));
        Assert.Equal(before + 1, await env.StatementCallsAsync(PageStatement));
    }

    [Fact]
    public async Task ConcurrentMisses_OfAForwardedRoute_MakeOneUpstreamRequest()
    {
        var settings = env.GatewaySettings();
        settings["Cache:CoalesceTimeout"] = "00:01:00";
        await using var gateway = await env.StartGatewayAsync(settings);
        var url = $"/api/pitches/public/trending?{Fresh("k=")}";
        var before = await env.StandIn.RequestCountAsync();
        await env.StandIn.SetFaultsAsync(new { latencyMs = 10_000 });
        try
        {
            var requests = Enumerable.Range(0, Requests).Select(_ => GetAsync(gateway, url)).ToArray();
            await Eventually.HoldsAsync(() => Fills(gateway).Waiting == Requests - 1, "199 requests wait on the one fill", TimeSpan.FromSeconds(30));
            var answers = await Task.WhenAll(requests);

            Assert.All(answers, a => Assert.Equal(200, a.Status));
            Assert.Single(answers.Select(a => a.Body).Distinct());
            Assert.Equal(1, answers.Count(a => a.Cache == "MISS"));
            Assert.Equal(Requests - 1, answers.Count(a => a.Cache == "HIT"));
            Assert.Equal(before + 1, await env.StandIn.RequestCountAsync());
        }
        finally
        {
            await env.StandIn.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task WaitOnAFill_IsBounded_ThenTheWaiterAsksTheUpstreamItself()
    {
        var settings = env.GatewaySettings();
        settings["Cache:CoalesceTimeout"] = "00:00:00.200";
        await using var gateway = await env.StartGatewayAsync(settings);
        var url = $"/api/pitches/public/featured?{Fresh("k=")}";
        var before = await env.StandIn.RequestCountAsync();
        await env.StandIn.SetFaultsAsync(new { latencyMs = 3_000 });
        try
        {
            var first = GetAsync(gateway, url);
            await Eventually.HoldsAsync(async () => await env.StandIn.RequestCountAsync() == before + 1, "the fill reached the upstream");
            var second = await GetAsync(gateway, url);

            Assert.Equal(200, second.Status);
            Assert.Equal("MISS", second.Cache);
            Assert.Equal(200, (await first).Status);
            Assert.Equal(before + 2, await env.StandIn.RequestCountAsync());
        }
        finally
        {
            await env.StandIn.ClearFaultsAsync();
        }
    }
}
