using System.Net;
using Npgsql;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Alerts;

/// <summary>
/// The PoolSaturation rule on a real pool: searches held up by a table lock keep their connections,
/// notices POSTed to a receiver on 127.0.0.1. In <see cref="ProcessAloneCollection"/>: no other test's
/// gateway runs meanwhile (its pool is told apart, but it would share the two cores the timing needs).
/// </summary>
[Collection(ProcessAloneCollection.Name)]
public sealed class PoolSaturationAlertTests
{
    // Npgsql's pool instruments are static and report the pools of every gateway the process has run;
    // each gateway's pools have their own names (DatabaseHosts), so the tap reads this one's alone.
    [Fact]
    public async Task PoolSaturation_SearchesHoldingMostOfThePool_FiresOnce_AndResolvesWhenTheyReturnIt()
    {
        await using var env = await GatewayEnvironment.StartAsync(new GatewayRecipe());
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = env.GatewaySettings();
        settings["Database:Primary"] = new NpgsqlConnectionStringBuilder(env.Primary.ConnectionString) { MaxPoolSize = 10 }.ConnectionString;
        settings["Limits:TunedEndpointTimeout"] = "00:01:00";
        AlertPlane.Watch(settings, receiver, "pool", "PoolSaturation", ("Host", "primary"), ("Threshold", "0.5"));
        await using var gateway = await env.StartGatewayAsync(settings);
        await AlertPlane.WaitForEvaluationsAsync(gateway, 5);
        Assert.Empty(AlertPlane.Active(await AlertPlane.AlertsAsync(gateway)));

        Task<HttpResponseMessage>[] searches;
        await using (await TableLock.HoldAsync(env.Primary.ConnectionString, "pitches"))
        {
            // Six of the ten connections held by searches waiting on the lock: over half, more than
            // the gateway's own background work (probes, monitors, the insight) ever holds at once.
            searches = [.. Enumerable.Range(0, 6).Select(i => gateway.Client.GetAsync($"/api/search?q=pool{i}"))];
            await Eventually.HoldsAsync(async () => await env.Primary.ScalarAsync<long>(AlertPlane.SearchesWaiting) >= 6, "six searches hold a connection each");
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
}
