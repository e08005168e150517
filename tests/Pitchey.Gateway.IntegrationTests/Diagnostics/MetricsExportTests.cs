using System.Net;
using Pitchey.Gateway.Diagnostics;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Diagnostics;

/// <summary>After ordinary traffic, <c>/metrics</c> carries every family of <see cref="MetricCatalog"/> with its labels.</summary>
public sealed class MetricsExportTests : IAsyncLifetime
{
    private GatewayEnvironment _env = null!;

    public async Task InitializeAsync() => _env = await GatewayEnvironment.StartAsync(new GatewayRecipe { StandIn = true, Gateway = true });

    public Task DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task AfterTraffic_EveryCatalogMetric_IsExported_WithItsLabels()
    {
        var gateway = _env.Gateway;
        foreach (var probe in new[] { "/health/live", "/health/ready", "/health", "/api/health" })
        {
            using var response = await gateway.Client.GetAsync(probe);
        }

        using (var browse = await gateway.Client.GetAsync("/api/pitches/browse/enhanced?limit=5"))
        {
            Assert.Equal(HttpStatusCode.OK, browse.StatusCode);
        }

        using (var forwarded = await gateway.Client.GetAsync("/api/pitches/42"))
        {
            Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        }

        // A breaker transition and a rejection, then back to normal.
        using (await gateway.Management.PostAsync("/admin/breakers/api/isolate", null))
        using (var rejected = await gateway.Client.GetAsync("/api/pitches/42"))
        using (await gateway.Management.PostAsync("/admin/breakers/api/reset", null))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
        }

        var exposition = await gateway.Management.GetStringAsync("/metrics");
        // Other pools of this test process (the fixtures') carry connection strings as names: never exported.
        foreach (var secret in new[] { PostgresCluster.Password, "Host=", "Username=", "Password=", GatewayServer.ManagementKey })
        {
            Assert.DoesNotContain(secret, exposition, StringComparison.Ordinal);
        }
        var samples = PrometheusText.Parse(exposition);

        var expected = MetricCatalog.All.Where(m => m.OnlyWith is null || m.OnlyWith.StartsWith("a breaker", StringComparison.Ordinal)).ToArray();
        Assert.True(expected.Length >= 20);
        foreach (var metric in expected)
        {
            var series = samples.Where(s => metric.SeriesNames.Contains(s.Name)).ToArray();
            Assert.True(series.Length > 0, $"{metric.Name} is not on /metrics");
            foreach (var label in metric.Labels)
            {
                Assert.True(series.Any(s => s.Labels.ContainsKey(label)), $"{metric.Name} has no series with label {label}");
            }
        }

        Assert.Contains(samples, s => s.Name == "pitchey_db_query_duration_seconds_count" && s.Labels["query"] == "browse" && s.Labels["host"] == "primary");
        Assert.Contains(samples, s => s.Name == "pitchey_probe_served_total" && s.Labels["probe"] == "ready");
        Assert.Contains(samples, s => s.Name == "pitchey_breaker_transitions_total" && s.Labels["state"] == "isolated");
    }

    [Fact]
    public async Task ManagementRequests_AreNotCountedAsTraffic_AndOnlyThisGatewaysMetersAreExported()
    {
        var gateway = _env.Gateway;
        await using var other = await _env.StartGatewayAsync();
        using (await other.Client.GetAsync("/health/live"))
        using (await gateway.Client.GetAsync("/health/live"))
        {
        }

        for (var i = 0; i < 3; i++)
        {
            await gateway.Management.GetStringAsync("/api/status/panels");
        }

        var samples = PrometheusText.Parse(await gateway.Management.GetStringAsync("/metrics"));

        Assert.DoesNotContain(samples, s => s.Name.StartsWith("http_server_request_duration", StringComparison.Ordinal)
            && s.Labels.TryGetValue("http_route", out var route) && route.StartsWith("/api/status", StringComparison.Ordinal));
        // Another gateway in this process: its Kestrel listens on other ports, and they are not here.
        var ports = samples.Where(s => s.Name == "kestrel_active_connections").Select(s => s.Labels["server_port"]).ToHashSet();
        Assert.Contains(gateway.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ports);
        Assert.DoesNotContain(other.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ports);
    }
}
