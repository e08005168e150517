using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pitchey.Testing.Gateway;

namespace Pitchey.Gateway.IntegrationTests.Alerts;

/// <summary>An alert rule over real HTTP: the breaker isolated through the management plane, notices POSTed to a receiver on 127.0.0.1.</summary>
[Collection(SharedEnvironmentCollection.Name)]
public sealed class AlertWebhookTests(SharedEnvironment shared)
{
    [Fact]
    public async Task ABreakerOpen_FiresOnce_IsRetried_RespectsTheCooldown_AndSendsResolved()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = shared.GatewaySettings();
        AlertPlane.Watch(settings, receiver, "breaker", "BreakerOpen", ("Severity", "critical"));
        await using var gateway = await shared.StartGatewayAsync(settings);

        // Firing, refused once (503) and retried: the same notice twice, then nothing more while it lasts.
        receiver.FailNext = 1;
        await PostAsync(gateway, "/admin/breakers/api/isolate");
        var refused = await receiver.NextAsync(AlertPlane.Bound);
        var firing = await receiver.NextAsync(AlertPlane.Bound);
        Assert.Equal(503, refused.Status);
        Assert.Equal(204, firing.Status);
        Assert.Equal("firing", firing.Body.GetProperty("status").GetString());
        Assert.Equal("breaker|api", firing.Body.GetProperty("id").GetString());
        Assert.Equal("critical", firing.Body.GetProperty("severity").GetString());
        Assert.Equal(refused.Body.GetProperty("sequence").GetInt64(), firing.Body.GetProperty("sequence").GetInt64());
        await AlertPlane.WaitForEvaluationsAsync(gateway, 5);
        Assert.Equal(0, receiver.Waiting);
        var alerts = await AlertPlane.AlertsAsync(gateway);
        Assert.Equal("firing", alerts.GetProperty("active")[0].GetProperty("status").GetString());
        Assert.Equal(2, alerts.GetProperty("items")[0].GetProperty("deliveries").GetProperty("receiver").GetProperty("attempts").GetInt32());

        // Resolved once the breaker closes.
        await PostAsync(gateway, "/admin/breakers/api/reset");
        var resolved = await receiver.NextAsync(AlertPlane.Bound);
        Assert.Equal("resolved", resolved.Body.GetProperty("status").GetString());
        Assert.Equal("breaker|api", resolved.Body.GetProperty("id").GetString());

        // Back within the cooldown: it fires on the page, silently, and resolves silently.
        await PostAsync(gateway, "/admin/breakers/api/isolate");
        await AlertPlane.WaitForAsync(gateway, a => a.GetProperty("active").GetArrayLength() == 1, "the alert is active again");
        await PostAsync(gateway, "/admin/breakers/api/reset");
        alerts = await AlertPlane.WaitForAsync(gateway, a => a.GetProperty("active").GetArrayLength() == 0, "no alert is active");
        await AlertPlane.WaitForEvaluationsAsync(gateway, 5);
        Assert.Equal(0, receiver.Waiting);
        var statuses = alerts.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()).ToArray();
        Assert.Contains("firing (cooldown: not sent)", statuses);
        Assert.Equal(1, statuses.Count(s => s == "firing"));
        Assert.Equal(1, statuses.Count(s => s == "resolved"));
        Assert.DoesNotContain(receiver.Hook.ToString(), alerts.GetRawText(), StringComparison.Ordinal);
    }

    private static async Task PostAsync(GatewayServer gateway, string path)
    {
        using var response = await gateway.Management.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
