using System.Net;
using Npgsql;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Alerts;

/// <summary>
/// Alert rules on what the database does, over real HTTP and PostgreSQL, notices POSTed to a receiver
/// on 127.0.0.1: searches held up by a table lock (their latency, the connections they hold) and an
/// invalid index the insight finds. Each fires once and resolves once its cause is gone.
/// </summary>
[Collection(SharedEnvironmentCollection.Name)]
public sealed class DatabaseAlertTests(SharedEnvironment shared)
{
    // The searches' own sessions (their tag), waiting on the lock: not the background stats refresh.
    private const string SearchesWaiting =
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pitchey-gateway' AND wait_event_type = 'Lock' AND query LIKE '/* pitchey:route=search */%'";

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
                async () => await shared.Primary.ScalarAsync<long>(SearchesWaiting + " AND clock_timestamp() - query_start > interval '300 milliseconds'") >= 3,
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
    public async Task PoolSaturation_SearchesHoldingMostOfThePool_FiresOnce_AndResolvesWhenTheyReturnIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = shared.GatewaySettings();
        settings["Database:Primary"] = new NpgsqlConnectionStringBuilder(shared.Primary.ConnectionString) { MaxPoolSize = 10 }.ConnectionString;
        settings["Limits:TunedEndpointTimeout"] = "00:01:00";
        AlertPlane.Watch(settings, receiver, "pool", "PoolSaturation", ("Host", "primary"), ("Threshold", "0.5"));
        await using var gateway = await shared.StartGatewayAsync(settings);
        await AlertPlane.WaitForEvaluationsAsync(gateway, 5);
        Assert.Empty(AlertPlane.Active(await AlertPlane.AlertsAsync(gateway)));

        Task<HttpResponseMessage>[] searches;
        await using (await TableLock.HoldAsync(shared.Primary.ConnectionString, "pitches"))
        {
            // Six of the ten connections held by searches waiting on the lock: over half, more than
            // the gateway's own background work (probes, monitors, the insight) ever holds at once.
            searches = [.. Enumerable.Range(0, 6).Select(i => gateway.Client.GetAsync($"/api/search?q=pool{i}"))];
            await Eventually.HoldsAsync(async () => await shared.Primary.ScalarAsync<long>(SearchesWaiting) >= 6, "six searches hold a connection each");
            var firing = await AlertPlane.NextNoticeAsync(receiver, "firing", "pool|primary");
            Assert.InRange(firing.GetProperty("value").GetDouble(), 0.6, 1);
            Assert.Equal(["pool|primary"], AlertPlane.Active(await AlertPlane.AlertsAsync(gateway)));
        }

        foreach (var response in await Task.WhenAll(searches))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        await AlertPlane.NextNoticeAsync(receiver, "resolved", "pool|primary");
        await AlertPlane.AssertFiredOnceAndResolvedAsync(gateway, receiver, "pool|primary");
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
