using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Pitchey.Testing.Gateway;

namespace Pitchey.Gateway.IntegrationTests.Resilience;

/// <summary>Settings and look-ups the resilience tests share.</summary>
internal static class ResilienceFixture
{
    /// <summary>A breaker that opens after a handful of requests and stays open for the test.</summary>
    public static Dictionary<string, string?> FastBreaker(
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

    /// <summary>A loopback port nobody listens on: connecting to it is refused.</summary>
    public static Uri RefusingAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    public static async Task<JsonElement> BreakerAsync(GatewayServer gateway, string cluster = "api")
    {
        var body = await gateway.Client.GetFromJsonAsync<JsonElement>("/admin/breakers");
        return body.GetProperty("clusters").EnumerateArray().Single(c => c.GetProperty("cluster").GetString() == cluster);
    }

    public static async Task<string?> StateAsync(GatewayServer gateway) =>
        (await BreakerAsync(gateway)).GetProperty("state").GetString();

    /// <summary>Bounded polling for a state that has no signal to wait on.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(20);
        }
    }
}
