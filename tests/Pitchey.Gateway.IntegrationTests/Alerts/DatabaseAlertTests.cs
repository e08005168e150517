using System.Net;
using Npgsql;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Alerts;

/// <summary>
/// Alert rules on what the database does, over real HTTP and PostgreSQL, notices POSTed to a receiver
/// on 127.0.0.1: searches held up by a table lock (their latency) and an invalid index the insight
/// finds. (The connections they hold: <see cref="PoolSaturationAlertTests"/>.) Each fires once and resolves once its cause is gone.
/// </summary>
[Collection(SharedEnvironmentCollection.Name)]
public sealed class DatabaseAlertTests(SharedEnvironment shared)
{
    [Fact]
    public async Task QueryLatency_SearchesHeldUpByALock_FiresOnce_AndResolvesOnceTheyLeaveTheWindow()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = shared.GatewaySettings();
        AlertPlane.Watch(settings, receiver, "slow", "QueryLatency",
            ("Query", "search"), ("Threshold", "100"), ("Window", "00:00:05"), ("MinimumRequests", "3"));
        settings["Limits:TunedEndpointTimeout"] = "00:01:00";
        await using var gateway = await shared.StartGatewayAsync(settings);

        // Three searches (three terms: three cache keys, three queries) released only once each has
        // waited on the lock for longer than the threshold, as PostgreSQL itself tells.
        Task<HttpResponseMessage>[] searches;
        await using (await TableLock.HoldAsync(shared.Primary.ConnectionString, "pitches"))
        {
            searches = [.. Enumerable.Range(0, 3).Select(i => gateway.Client.GetAsync($"/api/search?q=latency{i}"))];
            await Eventually.HoldsAsync(
                async () => await shared.Primary.ScalarAsync<long>(AlertPlane.SearchesWaiting + " AND clock_timestamp() - query_start > interval '300 milliseconds'") >= 3,
                "three searches have waited on the lock for over 300 ms");
        }

        foreach (var response in await Task.WhenAll(searches))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        var firing = await AlertPlane.NextNoticeAsync(receiver, "firing", "slow|search");
        Assert.True(firing.GetProperty("value").GetDouble() > 100, "the p95 sent is over the threshold");
        Assert.Equal(100, firing.GetProperty("threshold").GetDouble());

        // No more searches: once the slow ones are older than the window there is too little to judge.
        await AlertPlane.NextNoticeAsync(receiver, "resolved", "slow|search");
        await AlertPlane.AssertFiredOnceAndResolvedAsync(gateway, receiver, "slow|search");
    }

    [Fact]
    public async Task InvalidIndex_LeftByAFailedConcurrentBuild_FiresOnce_AndResolvesWhenDropped()
    {
        await shared.Primary.ExecuteAsync("CREATE TABLE alert_invalid (tag int NOT NULL); INSERT INTO alert_invalid VALUES (1), (1)");
        try
        {
            // Duplicate tags under a unique index: the concurrent build fails and leaves the index invalid.
            await Assert.ThrowsAnyAsync<PostgresException>(() => shared.Primary.ExecuteAsync("CREATE UNIQUE INDEX CONCURRENTLY alert_invalid_idx ON alert_invalid (tag)"));
            await using var receiver = await WebhookReceiver.StartAsync();
            var settings = shared.GatewaySettings();
            settings["Database:Insight:Interval"] = "00:00:01";
            AlertPlane.Watch(settings, receiver, "invalid", "InvalidIndex");
            await using var gateway = await shared.StartGatewayAsync(settings);

            var firing = await AlertPlane.NextNoticeAsync(receiver, "firing", "invalid|public.alert_invalid_idx");
            Assert.Contains("alert_invalid", firing.GetProperty("summary").GetString(), StringComparison.Ordinal);

            await shared.Primary.ExecuteAsync("DROP INDEX alert_invalid_idx");
            await AlertPlane.NextNoticeAsync(receiver, "resolved", "invalid|public.alert_invalid_idx");
            await AlertPlane.AssertFiredOnceAndResolvedAsync(gateway, receiver, "invalid|public.alert_invalid_idx");
        }
        finally
        {
            await shared.Primary.ExecuteAsync("DROP TABLE IF EXISTS alert_invalid");
        }
    }
}
