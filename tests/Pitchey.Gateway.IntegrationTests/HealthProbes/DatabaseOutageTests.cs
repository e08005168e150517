using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pitchey.Gateway.IntegrationTests.Alerts;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.HealthProbes;

/// <summary>
/// Each test owns its database, stops or freezes it, and watches the probes the way a
/// Kubernetes kubelet would: every probe must answer at once, whatever the database does. Alone in
/// the process, so the 1 s bound measures the gateway, not the tests starting beside it.
/// </summary>
[Collection(ProcessAloneCollection.Name)]
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMilliseconds(500);

    // A probe that waited on a frozen database would hang for good; this is far below that.
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    // TTL + run timeout is the promise; the slack absorbs a loaded 2-core CI machine.
    private static readonly TimeSpan Deadline = Ttl + RunTimeout + TimeSpan.FromSeconds(4);

    private GatewayEnvironment _env = null!;
    private HttpClient _probe = null!;
    private HttpClient _operator = null!;

    private PostgresCluster Database => _env.Primary;

    public async Task InitializeAsync()
    {
        _env = await GatewayEnvironment.StartAsync(new GatewayRecipe
        {
            Gateway = true,
            Settings = settings =>
            {
                settings["HealthProbes:CacheTtl"] = Ttl.ToString();
                settings["HealthProbes:RunTimeout"] = RunTimeout.ToString();
            },
        });
        _probe = new HttpClient { BaseAddress = _env.Gateway.Address, Timeout = ProbeTimeout };
        _operator = new HttpClient { BaseAddress = _env.Gateway.ManagementAddress, Timeout = ProbeTimeout };
        _operator.DefaultRequestHeaders.Authorization = new("ApiKey", GatewayServer.ManagementKey);
    }

    public async Task DisposeAsync()
    {
        _probe.Dispose();
        _operator.Dispose();
        await _env.DisposeAsync();
    }

    [Fact]
    public async Task DatabaseStopped_ReadinessFails_LivenessStays_ThenRecovers()
    {
        await ProbeUntilAsync(HttpStatusCode.OK); // the first run may pay for a cold start

        await Database.StopAsync();
        await ProbeUntilAsync(HttpStatusCode.ServiceUnavailable);
        var api = await _probe.GetAsync("/api/health");
        var body = await api.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks");
        Assert.Equal("fail", checks.GetProperty("connectivity").GetProperty("status").GetString());
        // The first run after the stop may find a pooled connection broken; later ones are refused.
        Assert.Contains(
            checks.GetProperty("connectivity").GetProperty("message").GetString(),
            new[] { "database unreachable (connection refused)", "database connection was broken" });
        SecretAssert.Clean(body);
        SecretAssert.Clean(await (await _operator.GetAsync("/api/health/detailed")).Content.ReadAsStringAsync());

        await Database.StartServerAsync();
        await ProbeUntilAsync(HttpStatusCode.OK, Deadline + Ttl);
    }

    [Fact]
    public async Task DatabaseFrozen_ReadinessFails_LivenessStays_ProbesNeverWait_ThenRecovers()
    {
        await ProbeUntilAsync(HttpStatusCode.OK); // the first run may pay for a cold start

        await Database.FreezeAsync();
        await ProbeUntilAsync(HttpStatusCode.ServiceUnavailable);
        using var detailed = await _operator.GetAsync("/api/health/detailed");
        var connectivity = (await detailed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("connectivity");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, detailed.StatusCode);
        Assert.Equal("unhealthy", connectivity.GetProperty("status").GetString());

        await Database.ThawAsync();
        await ProbeUntilAsync(HttpStatusCode.OK, Deadline + Ttl);
    }

    /// <summary>
    /// Probes readiness (and liveness alongside) until readiness answers <paramref name="wanted"/>.
    /// Every probe must come back within <see cref="ProbeTimeout"/>; liveness must stay 200.
    /// </summary>
    private async Task ProbeUntilAsync(HttpStatusCode wanted, TimeSpan? deadline = null)
    {
        var limit = deadline ?? Deadline;
        var clock = Stopwatch.StartNew();
        var probes = 0;
        while (true)
        {
            using var live = await _probe.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            var ready = await ReadyAsync();
            probes++;
            if (ready == wanted)
            {
                return;
            }

            if (clock.Elapsed > limit)
            {
                var detail = await (await _operator.GetAsync("/api/health/detailed")).Content.ReadAsStringAsync();
                Assert.Fail($"readiness still {ready} after {clock.Elapsed} and {probes} probes; wanted {wanted}. Last report: {detail}");
            }

            await Task.Delay(100); // a kubelet's probe period, compressed
        }
    }

    private async Task<HttpStatusCode> ReadyAsync()
    {
        using var response = await _probe.GetAsync("/health/ready");
        return response.StatusCode;
    }
}
