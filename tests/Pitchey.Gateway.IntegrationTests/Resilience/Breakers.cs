using System.Net.Http.Json;
using System.Text.Json;
using Pitchey.Testing.Gateway;

namespace Pitchey.Gateway.IntegrationTests.Resilience;

/// <summary>The breaker settings and look-ups the resilience tests share.</summary>
internal static class Breakers
{
    /// <summary>Settings for an <c>api</c> breaker that opens after a handful of requests and stays open for the test.</summary>
    public static Dictionary<string, string?> Fast(
        Dictionary<string, string?> settings, int minimumThroughput = 4, string breakDuration = "00:00:30", int maxRetries = 0)
    {
        settings["Resilience:Clusters:api:FailureRatio"] = "0.5";
        settings["Resilience:Clusters:api:MinimumThroughput"] = minimumThroughput.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Resilience:Clusters:api:SamplingDuration"] = "00:01:00";
        settings["Resilience:Clusters:api:BreakDuration"] = breakDuration;
        settings["Resilience:Clusters:api:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Resilience:Clusters:api:RetryBaseDelay"] = "00:00:00.010";
        return settings;
    }

    /// <summary>One cluster's entry of <c>/admin/breakers</c>.</summary>
    public static async Task<JsonElement> StatusAsync(GatewayServer gateway, string cluster = "api")
    {
        var body = await gateway.Management.GetFromJsonAsync<JsonElement>("/admin/breakers");
        return body.GetProperty("clusters").EnumerateArray().Single(c => c.GetProperty("cluster").GetString() == cluster);
    }

    public static async Task<string?> StateAsync(GatewayServer gateway) =>
        (await StatusAsync(gateway)).GetProperty("state").GetString();
}
