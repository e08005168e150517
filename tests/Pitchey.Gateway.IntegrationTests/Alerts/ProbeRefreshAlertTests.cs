using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pitchey.Database;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Alerts;

/// <summary>
/// The ProbeRefresh rule with a frozen primary (SIGSTOP: it accepts connections and never answers):
/// reports keep coming, each with its database checks timed out, and no refresh completes. The test
/// freezes its database, so it owns its environment.
/// </summary>
public sealed class ProbeRefreshAlertTests
{
    [Fact]
    public async Task ProbeRefresh_DatabaseFrozen_ChecksTimeOut_FiresOnce_AndResolvesAfterThaw()
    {
        await using var env = await GatewayEnvironment.StartAsync(new GatewayRecipe());
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = env.GatewaySettings();
        // Default threshold: TTL + run timeout (the shipped 2 s) = 3 s without a complete refresh.
        settings["HealthProbes:CacheTtl"] = "00:00:01";
        AlertPlane.Watch(settings, receiver, "probes", "ProbeRefresh");
        await using var gateway = await env.StartGatewayAsync(settings);
        await AlertPlane.WaitForEvaluationsAsync(gateway, 5);
        Assert.Empty(AlertPlane.Active(await AlertPlane.AlertsAsync(gateway)));

        await env.Primary.FreezeAsync();
        try
        {
            var firing = await AlertPlane.NextNoticeAsync(receiver, "firing", "probes|health-report");
            Assert.True(firing.GetProperty("value").GetDouble() > 3, "the age sent is over the threshold");

            // Reports keep coming meanwhile: the probes are answered (503, unhealthy) from ones whose connectivity check gave up.
            await Eventually.HoldsAsync(async () =>
            {
                using var detailed = await gateway.Management.GetAsync("/api/health/detailed");
                var report = await detailed.Content.ReadFromJsonAsync<JsonElement>();
                return detailed.StatusCode == HttpStatusCode.ServiceUnavailable
                    && report.GetProperty("checks").GetProperty(DatabaseCheckNames.Connectivity).GetProperty("timedOut").GetBoolean();
            }, "the probes' report says the connectivity check timed out");
        }
        finally
        {
            await env.Primary.ThawAsync();
        }

        await AlertPlane.NextNoticeAsync(receiver, "resolved", "probes|health-report");
        await AlertPlane.AssertFiredOnceAndResolvedAsync(gateway, receiver, "probes|health-report");
    }
}
