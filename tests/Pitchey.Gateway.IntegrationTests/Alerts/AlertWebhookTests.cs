using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pitchey.Testing.Gateway;

namespace Pitchey.Gateway.IntegrationTests.Alerts;

/// <summary>An alert rule over real HTTP: the breaker isolated through the management plane, notices POSTed to a receiver on 127.0.0.1.</summary>
[Collection(SharedEnvironmentCollection.Name)]
public sealed class AlertWebhookTests(SharedEnvironment shared)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ABreakerOpen_FiresOnce_IsRetried_RespectsTheCooldown_AndSendsResolved()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = shared.GatewaySettings();
        settings["Alerts:EvaluationInterval"] = "00:00:00.100";
        settings["Alerts:Rules:breaker:Kind"] = "BreakerOpen";
        settings["Alerts:Rules:breaker:Severity"] = "critical";
        settings["Alerts:Rules:breaker:Cooldown"] = "01:00:00";
        settings["Alerts:Webhooks:receiver:Url"] = receiver.Hook.ToString();
        settings["Alerts:Webhooks:receiver:RetryBaseDelay"] = "00:00:00.010";
        settings["Alerts:Webhooks:receiver:RetryMaxDelay"] = "00:00:00.050";
        await using var gateway = await shared.StartGatewayAsync(settings);

        // Firing, refused once (503) and retried: the same notice twice, then nothing more while it lasts.
        receiver.FailNext = 1;
        await PostAsync(gateway, "/admin/breakers/api/isolate");
        var refused = await receiver.NextAsync(Bound);
        var firing = await receiver.NextAsync(Bound);
        Assert.Equal(503, refused.Status);
        Assert.Equal(204, firing.Status);
        Assert.Equal("firing", firing.Body.GetProperty("status").GetString());
        Assert.Equal("breaker|api", firing.Body.GetProperty("id").GetString());
        Assert.Equal("critical", firing.Body.GetProperty("severity").GetString());
        Assert.Equal(refused.Body.GetProperty("sequence").GetInt64(), firing.Body.GetProperty("sequence").GetInt64());
        await WaitForEvaluationsAsync(gateway, 5);
        Assert.Equal(0, receiver.Waiting);
        var alerts = await gateway.Management.GetFromJsonAsync<JsonElement>("/admin/alerts");
        Assert.Equal("firing", alerts.GetProperty("active")[0].GetProperty("status").GetString());
        Assert.Equal(2, alerts.GetProperty("items")[0].GetProperty("deliveries").GetProperty("receiver").GetProperty("attempts").GetInt32());

        // Resolved once the breaker closes.
        await PostAsync(gateway, "/admin/breakers/api/reset");
        var resolved = await receiver.NextAsync(Bound);
        Assert.Equal("resolved", resolved.Body.GetProperty("status").GetString());
        Assert.Equal("breaker|api", resolved.Body.GetProperty("id").GetString());

        // Back within the cooldown: it fires on the page, silently, and resolves silently.
        await PostAsync(gateway, "/admin/breakers/api/isolate");
        await WaitForAsync(gateway, a => a.GetProperty("active").GetArrayLength() == 1);
        await PostAsync(gateway, "/admin/breakers/api/reset");
        alerts = await WaitForAsync(gateway, a => a.GetProperty("active").GetArrayLength() == 0);
        await WaitForEvaluationsAsync(gateway, 5);
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

    private static async Task WaitForEvaluationsAsync(GatewayServer gateway, long more)
    {
        var start = (await gateway.Management.GetFromJsonAsync<JsonElement>("/admin/alerts")).GetProperty("evaluations").GetInt64();
        await WaitForAsync(gateway, a => a.GetProperty("evaluations").GetInt64() >= start + more);
    }

    private static async Task<JsonElement> WaitForAsync(GatewayServer gateway, Func<JsonElement, bool> done)
    {
        using var bound = new CancellationTokenSource(Bound);
        while (true)
        {
            var alerts = await gateway.Management.GetFromJsonAsync<JsonElement>("/admin/alerts", bound.Token);
            if (done(alerts))
            {
                return alerts;
            }

            await Task.Delay(50, bound.Token);
        }
    }
}
