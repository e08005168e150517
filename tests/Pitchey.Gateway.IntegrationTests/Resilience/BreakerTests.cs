using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pitchey.Gateway.Resilience;
using Pitchey.Testing.Postgres;
using Yarp.ReverseProxy;

namespace Pitchey.Gateway.IntegrationTests.Resilience;

[Collection(SharedEnvironmentCollection.Name)]
public sealed class BreakerTests(SharedEnvironment shared) : IAsyncLifetime
{
    public Task InitializeAsync() => shared.StandIn.ClearFaultsAsync();

    public Task DisposeAsync() => shared.StandIn.ClearFaultsAsync();

    [Fact]
    public async Task ConnectionRefused_Answers502_ThenOpens_AndTheUpstreamGetsNothingWhileOpen()
    {
        var settings = Breakers.Fast(shared.GatewaySettings());
        settings["ReverseProxy:Clusters:api:Destinations:d1:Address"] = Loopback.RefusingAddress().ToString();
        await using var gateway = await shared.StartGatewayAsync(settings);

        for (var i = 0; i < 4; i++)
        {
            using var refused = await gateway.Client.GetAsync("/api/pitches");
            Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        }

        using (var rejected = await gateway.Client.GetAsync("/api/pitches"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
        }

        // The upstream comes back at a new address while the breaker is still open.
        var configuration = (IConfigurationRoot)gateway.Services.GetRequiredService<IConfiguration>();
        configuration["ReverseProxy:Clusters:api:Destinations:d1:Address"] = shared.StandIn.Address.ToString();
        configuration.Reload();
        var proxy = gateway.Services.GetRequiredService<IProxyStateLookup>();
        await Eventually.HoldsAsync(
            () => proxy.TryGetCluster("api", out var cluster)
                && cluster.Destinations.Values.Single().Model.Config.Address == shared.StandIn.Address.ToString(),
            "YARP uses the new destination");

        var before = await shared.StandIn.RequestCountAsync();
        for (var i = 0; i < 10; i++)
        {
            using var rejected = await gateway.Client.GetAsync("/api/pitches");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
        }

        Assert.Equal(before, await shared.StandIn.RequestCountAsync());
        Assert.Equal("open", await Breakers.StateAsync(gateway));
    }

    [Fact]
    public async Task ServerErrors_AboveMinimumThroughput_Open_503WithRetryAfterAndProblem()
    {
        await shared.StandIn.SetFaultsAsync(new { errorRate = 1.0, status = 500 });
        await using var gateway = await shared.StartGatewayAsync(Breakers.Fast(shared.GatewaySettings()));
        var before = await shared.StandIn.RequestCountAsync();

        for (var i = 0; i < 4; i++)
        {
            using var failed = await gateway.Client.GetAsync("/api/pitches");
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        using var rejected = await gateway.Client.GetAsync("/api/pitches");
        var problem = await rejected.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        var retryAfter = rejected.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 30);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal("api", problem.GetProperty("cluster").GetString());
        Assert.Contains("'api'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before + 4, await shared.StandIn.RequestCountAsync());

        using var head = await gateway.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/pitches"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, head.StatusCode);
        Assert.Equal(before + 4, await shared.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task OpenApiBreaker_MakesReadinessDegraded_NotUnhealthy_AndShowsInDetailed()
    {
        await shared.StandIn.SetFaultsAsync(new { errorRate = 1.0, status = 503 });
        var settings = Breakers.Fast(shared.GatewaySettings());
        settings["HealthProbes:CacheTtl"] = "00:00:01";
        await using var gateway = await shared.StartGatewayAsync(settings);
        for (var i = 0; i < 4; i++)
        {
            using var failed = await gateway.Client.GetAsync("/api/pitches");
        }

        JsonElement check = default;
        await Eventually.HoldsAsync(async () =>
        {
            var detailed = await gateway.Management.GetFromJsonAsync<JsonElement>("/api/health/detailed");
            check = detailed.GetProperty("checks").GetProperty(ResilienceKeys.HealthCheck);
            return check.GetProperty("status").GetString() == "degraded";
        }, "the health report shows the open breaker");

        var api = check.GetProperty("data").GetProperty("api");
        Assert.Equal("open", api.GetProperty("state").GetString());
        Assert.InRange(api.GetProperty("retryAfterSeconds").GetInt64(), 1, 30);
        using var ready = await gateway.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("degraded", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var health = await gateway.Client.GetFromJsonAsync<JsonElement>("/api/health");
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        using var live = await gateway.Client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HalfOpen_50ConcurrentCallers_ExactlyOneReachesUpstream(bool probeSucceeds)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = Breakers.Fast(shared.GatewaySettings(), breakDuration: "00:00:10");
        settings["ReverseProxy:Routes:api:Timeout"] = "00:00:02";
        await using var gateway = await shared.StartGatewayAsync(settings, services => services.AddSingleton<TimeProvider>(time));
        await shared.StandIn.SetFaultsAsync(new { errorRate = 1.0, status = 500 });
        for (var i = 0; i < 4; i++)
        {
            using var failed = await gateway.Client.GetAsync("/api/pitches");
        }

        Assert.Equal("open", await Breakers.StateAsync(gateway));

        // The probe is held at the upstream (slow answer, or a hang cut by the route timeout) while the others arrive.
        await shared.StandIn.SetFaultsAsync(probeSucceeds ? new { latencyMs = 1500 } : new { hang = true });
        time.Advance(TimeSpan.FromSeconds(10));
        var before = await shared.StandIn.RequestCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var response = await gateway.Client.GetAsync("/api/pitches");
            return response.StatusCode;
        }));

        Assert.Equal(before + 1, await shared.StandIn.RequestCountAsync());
        Assert.Equal(49, responses.Count(s => s == HttpStatusCode.ServiceUnavailable));
        Assert.Equal(probeSucceeds ? HttpStatusCode.OK : HttpStatusCode.GatewayTimeout, responses.Single(s => s != HttpStatusCode.ServiceUnavailable));
        Assert.Equal(probeSucceeds ? "closed" : "open", await Breakers.StateAsync(gateway));

        await shared.StandIn.ClearFaultsAsync();
        using var next = await gateway.Client.GetAsync("/api/pitches");
        Assert.Equal(probeSucceeds ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable, next.StatusCode);
        Assert.Equal(probeSucceeds ? before + 2 : before + 1, await shared.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task ClientAborts_LeaveTheBreakersCountsUnchanged()
    {
        await shared.StandIn.SetFaultsAsync(new { latencyMs = 10_000 });
        await using var gateway = await shared.StartGatewayAsync(Breakers.Fast(shared.GatewaySettings(), minimumThroughput: 2));
        var registry = gateway.Services.GetRequiredService<BreakerRegistry>();
        var before = await shared.StandIn.RequestCountAsync();

        using var cancel = new CancellationTokenSource();
        var calls = Enumerable.Range(0, 5).Select(_ => gateway.Client.GetAsync("/api/slow", cancel.Token)).ToArray();
        await Eventually.HoldsAsync(async () => await shared.StandIn.RequestCountAsync() == before + 5, "every call reached the upstream");
        await cancel.CancelAsync();
        foreach (var call in calls)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        }

        await Eventually.HoldsAsync(() => registry.Get("api").Counts.Ignored == 5, "the gateway saw the aborts");
        var counts = registry.Get("api").Counts;
        Assert.Equal(0, counts.Failures);
        Assert.Equal(0, counts.Successes);
        Assert.Equal("closed", await Breakers.StateAsync(gateway));
    }

    [Fact]
    public async Task Hang_Answers504AtTheRouteTimeout_CountsAsFailure_AndReleasesTheConnection()
    {
        var settings = Breakers.Fast(shared.GatewaySettings());
        settings["ReverseProxy:Routes:api:Timeout"] = "00:00:01";
        // Counted before the warm-up: the hung request rides the warm pooled connection, so only
        // a count without it shows that connection was given back.
        var baseline = UpstreamConnections();
        await using var gateway = await shared.StartGatewayAsync(settings);
        using (var warm = await gateway.Client.GetAsync("/api/warm"))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        await shared.StandIn.SetFaultsAsync(new { hang = true });

        using var response = await gateway.Client.GetAsync("/api/pitches");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal(1, (await Breakers.StatusAsync(gateway)).GetProperty("failures").GetInt64());
        await Eventually.HoldsAsync(() => UpstreamConnections() <= baseline, "the upstream connection is released");
    }

    [Fact]
    public async Task ResetMidBody_ClientSeesAnAbortedResponse_NotA200_AndItCounts()
    {
        await shared.StandIn.SetFaultsAsync(new { reset = true });
        await using var gateway = await shared.StartGatewayAsync(Breakers.Fast(shared.GatewaySettings()));

        await Assert.ThrowsAsync<HttpRequestException>(() => gateway.Client.GetByteArrayAsync("/api/pitches"));

        await Eventually.HoldsAsync(
            async () => (await Breakers.StatusAsync(gateway)).GetProperty("failures").GetInt64() == 1, "the reset is counted");
    }

    [Fact]
    public async Task IsolateAndReset_ByHand_OnTheManagementPlaneOnly()
    {
        var settings = Breakers.Fast(shared.GatewaySettings());
        await using var gateway = await shared.StartGatewayAsync(settings);
        var before = await shared.StandIn.RequestCountAsync();

        using (var isolate = await gateway.Management.PostAsync("/admin/breakers/api/isolate", null))
        {
            Assert.Equal(HttpStatusCode.OK, isolate.StatusCode);
            Assert.Equal("isolated", (await isolate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        }

        using (var rejected = await gateway.Client.GetAsync("/api/pitches"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
            Assert.NotNull(rejected.Headers.RetryAfter);
            Assert.Contains("isolated", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await shared.StandIn.RequestCountAsync());

        using (var reset = await gateway.Management.PostAsync("/admin/breakers/api/reset", null))
        {
            Assert.Equal("closed", (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        }

        using (var forwarded = await gateway.Client.GetAsync("/api/pitches"))
        {
            Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        }

        Assert.Equal(before + 1, await shared.StandIn.RequestCountAsync());

        using var unknown = await gateway.Management.PostAsync("/admin/breakers/nope/isolate", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("nope", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // On the public listener the same path is the API's: forwarded, and the breaker untouched.
        var beforePublic = await shared.StandIn.RequestCountAsync();
        using var forwardedControl = await gateway.Client.PostAsync("/admin/breakers/api/isolate", null);
        Assert.Equal(HttpStatusCode.OK, forwardedControl.StatusCode);
        Assert.Equal("/admin/breakers/api/isolate", (await forwardedControl.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("path").GetString());
        Assert.Equal(beforePublic + 1, await shared.StandIn.RequestCountAsync());
        Assert.Equal("closed", await Breakers.StateAsync(gateway));
    }

    /// <summary>Established connections into the stand-in's port, from anyone (the gateway, in these tests).</summary>
    private int UpstreamConnections() =>
        System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
            .Count(c => c.LocalEndPoint.Port == shared.StandIn.Address.Port
                && c.State == System.Net.NetworkInformation.TcpState.Established);
}
