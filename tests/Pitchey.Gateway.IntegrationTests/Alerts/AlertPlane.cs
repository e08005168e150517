using System.Net.Http.Json;
using System.Text.Json;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Alerts;

/// <summary>
/// What the alert tests share: one rule notifying one <see cref="WebhookReceiver"/>, evaluated every
/// 100 ms, and bounded waits on <c>/admin/alerts</c> (its evaluation count and its states, never the clock).
/// </summary>
internal static class AlertPlane
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>The gateway's search sessions (their tag) waiting on a lock: not its background stats refresh.</summary>
    public const string SearchesWaiting =
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pitchey-gateway' AND wait_event_type = 'Lock' AND query LIKE '/* pitchey:route=search */%'";

    /// <summary>Rule <paramref name="rule"/> of <paramref name="kind"/> (with <paramref name="options"/>: key under the rule, value), a cooldown of an hour, notifying <paramref name="receiver"/> with fast retries.</summary>
    public static void Watch(Dictionary<string, string?> settings, WebhookReceiver receiver, string rule, string kind, params (string Key, string Value)[] options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(receiver);
        settings["Alerts:EvaluationInterval"] = "00:00:00.100";
        settings[$"Alerts:Rules:{rule}:Kind"] = kind;
        settings[$"Alerts:Rules:{rule}:Cooldown"] = "01:00:00";
        foreach (var (key, value) in options)
        {
            settings[$"Alerts:Rules:{rule}:{key}"] = value;
        }

        settings["Alerts:Webhooks:receiver:Url"] = receiver.Hook.ToString();
        settings["Alerts:Webhooks:receiver:RetryBaseDelay"] = "00:00:00.010";
        settings["Alerts:Webhooks:receiver:RetryMaxDelay"] = "00:00:00.050";
    }

    public static Task<JsonElement> AlertsAsync(GatewayServer gateway) => gateway.Management.GetFromJsonAsync<JsonElement>("/admin/alerts");

    /// <summary>Polls <c>/admin/alerts</c> until <paramref name="done"/> holds (at most <see cref="Bound"/>); gives that answer.</summary>
    public static async Task<JsonElement> WaitForAsync(GatewayServer gateway, Func<JsonElement, bool> done, string what)
    {
        var alerts = default(JsonElement);
        await Eventually.HoldsAsync(async () => done(alerts = await AlertsAsync(gateway)), what, Bound);
        return alerts;
    }

    /// <summary>Until the evaluator has run <paramref name="more"/> more times: what it would have sent by then, it has.</summary>
    public static async Task WaitForEvaluationsAsync(GatewayServer gateway, long more)
    {
        var start = (await AlertsAsync(gateway)).GetProperty("evaluations").GetInt64();
        await WaitForAsync(gateway, a => a.GetProperty("evaluations").GetInt64() >= start + more, $"{more} more evaluations");
    }

    /// <summary>The active alerts' ids.</summary>
    public static string[] Active(JsonElement alerts) =>
        [.. alerts.GetProperty("active").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)];

    /// <summary>
    /// After its firing and resolved notices were taken from <paramref name="receiver"/>: nothing more
    /// arrives, nothing is active, and the book holds exactly those two notices for <paramref name="id"/>,
    /// each delivered at the first attempt.
    /// </summary>
    public static async Task AssertFiredOnceAndResolvedAsync(GatewayServer gateway, WebhookReceiver receiver, string id)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        await WaitForEvaluationsAsync(gateway, 5);
        var alerts = await WaitForAsync(
            gateway,
            a => a.GetProperty("active").GetArrayLength() == 0
                && Notices(a, id).All(n => n.GetProperty("deliveries").GetProperty("receiver").GetProperty("state").GetString() != "pending"),
            "no alert is active and every notice has been delivered");
        Assert.Equal(0, receiver.Waiting);
        var notices = Notices(alerts, id);
        Assert.Equal(["firing", "resolved"], notices.Select(n => n.GetProperty("status").GetString()));
        Assert.All(notices, n =>
        {
            var delivery = n.GetProperty("deliveries").GetProperty("receiver");
            Assert.Equal("delivered", delivery.GetProperty("state").GetString());
            Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        });
        Assert.DoesNotContain(receiver.Hook.ToString(), alerts.GetRawText(), StringComparison.Ordinal);
    }

    private static JsonElement[] Notices(JsonElement alerts, string id) =>
        [.. alerts.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("id").GetString() == id)
            .OrderBy(i => i.GetProperty("sequence").GetInt64())];

    /// <summary>Takes the next notice and checks it is <paramref name="status"/> for <paramref name="id"/>.</summary>
    public static async Task<JsonElement> NextNoticeAsync(WebhookReceiver receiver, string status, string id)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var (body, answered) = await receiver.NextAsync(Bound);
        Assert.Equal(204, answered);
        Assert.Equal(status, body.GetProperty("status").GetString());
        Assert.Equal(id, body.GetProperty("id").GetString());
        return body;
    }
}
