using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pitchey.Database.Routing;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.RoutingHeaders;

/// <summary>Each test owns its environment and stops one of its clusters, watching the gateway over HTTP.</summary>
public sealed class OutageTests
{
    [Fact]
    public async Task ReplicaStopped_HealthDetailedDegradesButReadinessStays_AndReadsFailOverWithout5xx()
    {
        await using var env = await GatewayEnvironment.StartAsync(RoutingProbeEndpoints.Recipe(replicas: 1, standIn: false));
        var replica = env.Replica;
        await using var gateway = await env.StartGatewayAsync();

        var healthy = await ReplicasCheckAsync(gateway, "healthy");
        var replicaData = healthy.GetProperty("data").GetProperty("replica1");
        Assert.Equal("replica", replicaData.GetProperty("role").GetString());
        Assert.True(replicaData.GetProperty("reachable").GetBoolean());
        Assert.Equal(0, replicaData.GetProperty("lagSeconds").GetDouble());
        Assert.Equal($"127.0.0.1:{replica.Port}", replicaData.GetProperty("endpoint").GetString());
        using (var read = await gateway.Client.GetAsync("/_routing/read"))
        {
            Assert.Equal("replica", Assert.Single(read.Headers.GetValues("X-Pitchey-Db")));
        }

        await replica.StopAsync();
        for (var i = 0; i < 10; i++)
        {
            using var read = await gateway.Client.GetAsync("/_routing/read");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal("primary", Assert.Single(read.Headers.GetValues("X-Pitchey-Db")));
        }

        var degraded = await ReplicasCheckAsync(gateway, "degraded");
        Assert.False(degraded.GetProperty("data").GetProperty("replica1").GetProperty("reachable").GetBoolean());
        using var ready = await gateway.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        SecretAssert.Clean(await (await gateway.Management.GetAsync("/api/health/detailed")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PrimaryStopped_WritesAnswer503WithRetryAfterAtOnce_ThenRecover()
    {
        await using var env = await GatewayEnvironment.StartAsync(RoutingProbeEndpoints.Recipe(replicas: 0, standIn: false));
        var primary = env.Primary;
        var settings = env.GatewaySettings();
        settings["Database:Routing:BreakerMinimumThroughput"] = "2";
        settings["Database:Routing:BreakerBreakDuration"] = "00:00:02";
        await using var gateway = await env.StartGatewayAsync(settings);
        var router = gateway.Services.GetRequiredService<DatabaseRouter>();
        using (var ok = await gateway.Client.PostAsync("/_routing/write", null))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        await primary.StopAsync();
        for (var i = 0; i < 20 && !router.PrimaryCircuitOpen; i++)
        {
            using var failing = await gateway.Client.PostAsync("/_routing/write", null);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failing.StatusCode);
        }

        Assert.True(router.PrimaryCircuitOpen);
        var hosts = gateway.Services.GetRequiredService<Pitchey.Database.DataSources.DatabaseHosts>();
        var attempts = router.ConnectionAttempts(hosts.Primary);
        using (var fast = await gateway.Client.PostAsync("/_routing/write", null))
        {
            var body = await fast.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, fast.StatusCode);
            Assert.True(fast.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.False(body.GetProperty("success").GetBoolean());
            Assert.Equal("DATABASE_UNAVAILABLE", body.GetProperty("error").GetProperty("code").GetString());
        }

        Assert.Equal(attempts, router.ConnectionAttempts(hosts.Primary));

        await primary.StartServerAsync();
        var recovered = false;
        for (var i = 0; i < 100 && !recovered; i++)
        {
            using var retry = await gateway.Client.PostAsync("/_routing/write", null);
            recovered = retry.StatusCode == HttpStatusCode.OK;
            if (!recovered)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, retry.StatusCode);
                await Task.Delay(200); // the breaker lets a trial call through after its break
            }
        }

        Assert.True(recovered, "writes succeed again once the primary is back");
    }

    [Fact]
    public async Task PrimaryStopped_ProxiedWritesStillAnswer_WithoutTheLsnCookie()
    {
        await using var env = await GatewayEnvironment.StartAsync(RoutingProbeEndpoints.Recipe(replicas: 0, standIn: true));
        var primary = env.Primary;
        await using var gateway = await env.StartGatewayAsync();
        using (var before = await gateway.Client.PostAsync("/api/pitches", new StringContent("{}")))
        {
            Assert.True(before.Headers.Contains("X-Pitchey-Lsn"));
        }

        await primary.StopAsync();
        using var during = await gateway.Client.PostAsync("/api/pitches", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.False(during.Headers.Contains("X-Pitchey-Lsn"));
        Assert.False(during.Headers.Contains("Set-Cookie"));
    }

    /// <summary>Polls /api/health/detailed (it is served from a cache) until the replicas check reports <paramref name="status"/>.</summary>
    private static async Task<JsonElement> ReplicasCheckAsync(GatewayServer gateway, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var body = await gateway.Management.GetFromJsonAsync<JsonElement>("/api/health/detailed");
            var check = body.GetProperty("checks").GetProperty("replicas");
            if (check.GetProperty("status").GetString() == status)
            {
                return check;
            }

            Assert.True(DateTime.UtcNow < deadline, $"replicas check never became {status}: {check}");
            await Task.Delay(100);
        }
    }
}
