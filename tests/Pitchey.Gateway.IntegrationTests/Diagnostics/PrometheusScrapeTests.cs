using System.Globalization;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Diagnostics;

/// <summary>A real Prometheus scrapes the management port, with the key, and its query API returns the gateway's figures.</summary>
public sealed class PrometheusScrapeTests
{
    [Fact]
    public async Task Prometheus_ScrapesTheManagementPortWithTheKey_AndItsQueryApiReturnsAGatewayMetric()
    {
        await using var env = await GatewayEnvironment.StartAsync(new GatewayRecipe { Gateway = true });
        var gateway = env.Gateway;
        for (var i = 0; i < 5; i++)
        {
            using var probe = await gateway.Client.GetAsync("/health/ready");
        }

        var target = $"127.0.0.1:{gateway.ManagementAddress!.Port.ToString(CultureInfo.InvariantCulture)}";
        await using var prometheus = await PrometheusServer.StartAsync(target, GatewayServer.ManagementKey);

        System.Text.Json.JsonElement[] result = [];
        await Eventually.HoldsAsync(
            async () => (result = await prometheus.QueryAsync("pitchey_probe_served_total{probe=\"ready\"}")).Length > 0,
            "Prometheus has scraped pitchey_probe_served_total", TimeSpan.FromSeconds(60));

        var sample = result.Single();
        Assert.Equal("pitchey-gateway", sample.GetProperty("metric").GetProperty("job").GetString());
        Assert.Equal(target, sample.GetProperty("metric").GetProperty("instance").GetString());
        Assert.Equal(5, double.Parse(sample.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(("up", ""), await prometheus.TargetAsync());
        Assert.NotEmpty(await prometheus.QueryAsync("pitchey_breaker_state{cluster=\"api\"} == 0"));
    }

    [Fact]
    public async Task Prometheus_WithAWrongKey_SeesTheTargetDown_With401()
    {
        await using var env = await GatewayEnvironment.StartAsync(new GatewayRecipe { Gateway = true });
        var target = $"127.0.0.1:{env.Gateway.ManagementAddress!.Port.ToString(CultureInfo.InvariantCulture)}";
        await using var prometheus = await PrometheusServer.StartAsync(target, "not-the-key");

        var health = ("unknown", "");
        await Eventually.HoldsAsync(async () => (health = await prometheus.TargetAsync()).Item1 == "down", "the target is down", TimeSpan.FromSeconds(60));

        Assert.Contains("401", health.Item2, StringComparison.Ordinal);
        Assert.Empty(await prometheus.QueryAsync("pitchey_probe_served_total"));
    }
}
