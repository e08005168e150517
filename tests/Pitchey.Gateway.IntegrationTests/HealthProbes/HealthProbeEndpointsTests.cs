using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.HealthProbes;

[Collection(SharedEnvironmentCollection.Name)]
public sealed class HealthProbeEndpointsTests(SharedEnvironment shared)
{
    [Fact]
    public async Task ApiHealth_HealthyDatabase_AnswersTheOldApiShapeWithAge()
    {
        await using var gateway = await shared.StartGatewayAsync();

        using var response = await gateway.Client.GetAsync("/api/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.Age);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("timestamp").TryGetDateTimeOffset(out _));
        var connectivity = body.GetProperty("checks").GetProperty("connectivity");
        Assert.Equal("pass", connectivity.GetProperty("status").GetString());
        Assert.StartsWith("Database connection successful", connectivity.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("pass", body.GetProperty("checks").GetProperty("performance").GetProperty("status").GetString());
        var metrics = body.GetProperty("metrics");
        Assert.True(metrics.GetProperty("responseTime").GetDouble() > 0);
        Assert.True(metrics.GetProperty("connectionCount").GetInt64() >= 1);
        Assert.True(metrics.GetProperty("avgQueryTime").GetDouble() >= 0);
        Assert.Equal(0, metrics.GetProperty("errorRate").GetDouble());
        Assert.False(body.GetProperty("stale").GetBoolean());
        Assert.True(body.GetProperty("age").GetInt64() >= 0);
    }

    [Fact]
    public async Task ProbeEndpoints_HealthyDatabase_Answer200()
    {
        await using var gateway = await shared.StartGatewayAsync();

        foreach (var path in new[] { "/health/live", "/health/ready", "/health" })
        {
            using var response = await gateway.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        }

        var summary = await gateway.Client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("healthy", summary.GetProperty("checks").GetProperty("connectivity").GetString());
        Assert.Equal("healthy", summary.GetProperty("checks").GetProperty("performance").GetString());
    }

    [Fact]
    public async Task HeadProbe_AnswersWithoutBody()
    {
        await using var gateway = await shared.StartGatewayAsync();

        using var response = await gateway.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health/ready"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Detailed_OnTheManagementPlane_ShowsEveryCheckWithDurationAndData()
    {
        await using var gateway = await shared.StartGatewayAsync();

        var body = await gateway.Management.GetFromJsonAsync<JsonElement>("/api/health/detailed");

        var performance = body.GetProperty("checks").GetProperty("performance");
        Assert.True(performance.GetProperty("durationMs").GetDouble() > 0);
        Assert.True(performance.GetProperty("data").GetProperty("queryMs").GetDouble() >= 0);
        Assert.Equal("primary", body.GetProperty("checks").GetProperty("connectivity").GetProperty("data").GetProperty("host").GetString());
        Assert.Equal(1, body.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Detailed_OnThePublicListener_IsAnApiPath_ForwardedToTheUpstream()
    {
        await using var gateway = await shared.StartGatewayAsync();
        var before = await shared.StandIn.RequestCountAsync();

        var echo = await gateway.Client.GetFromJsonAsync<JsonElement>("/api/health/detailed");

        Assert.Equal("/api/health/detailed", echo.GetProperty("path").GetString());
        Assert.Equal(before + 1, await shared.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task TwoThousandConcurrentProbes_WhenARefreshIsDue_CauseExactlyOneCheckRun()
    {
        // Fake time lets the test make the report overdue at will; the gated check holds the
        // refresh in flight, so every probe of the storm finds it due and must join that one run.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var counting = new CountingCheck();
        await using var gateway = await shared.StartGatewayAsync(
            services: services =>
            {
                services.AddSingleton<TimeProvider>(time);
                services.AddHealthChecks().AddCheck("counting", counting);
            });
        var runsBefore = counting.Calls;
        counting.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        time.Advance(TimeSpan.FromSeconds(10) + TimeSpan.FromSeconds(2) + TimeSpan.FromSeconds(1));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 200 };
        using var client = new HttpClient(handler) { BaseAddress = gateway.Address };

        var probes = Enumerable.Range(0, 2000).Select(async _ =>
        {
            using var response = await client.GetAsync("/health/ready");
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(probes);
        await counting.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(1, runsBefore);
        Assert.Equal(1, counting.Calls - runsBefore);
        counting.Gate.SetResult();
    }

    [Fact]
    public async Task UserRegisteredCheck_AppearsInReports_AndItsFailureMakesReadiness503()
    {
        await using var gateway = await shared.StartGatewayAsync(
            services: services => services.AddHealthChecks().AddCheck("queue", () => HealthCheckResult.Unhealthy("queue unreachable")));

        using var ready = await gateway.Client.GetAsync("/health/ready");
        var api = await gateway.Client.GetAsync("/api/health");
        var body = await api.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("fail", body.GetProperty("checks").GetProperty("queue").GetProperty("status").GetString());
        Assert.Equal("queue unreachable", body.GetProperty("checks").GetProperty("queue").GetProperty("message").GetString());
    }

    [Fact]
    public async Task DegradedCheck_KeepsReadiness200_ButHealth503()
    {
        await using var gateway = await shared.StartGatewayAsync(
            services: services => services.AddHealthChecks().AddCheck("cache", () => HealthCheckResult.Degraded("cache slow")));

        using var ready = await gateway.Client.GetAsync("/health/ready");
        using var health = await gateway.Client.GetAsync("/health");
        using var api = await gateway.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal("degraded", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task HealthBodies_NeverCarrySecrets_EvenWhenAChecksThrowsThem()
    {
        await using var gateway = await shared.StartGatewayAsync(
            services: services => services.AddHealthChecks().AddCheck("leaky", () =>
                throw new InvalidOperationException($"connect failed: {shared.Primary.ConnectionString}")));

        foreach (var path in new[] { "/health/live", "/health/ready", "/health", "/api/health" })
        {
            using var response = await gateway.Client.GetAsync(path);
            SecretAssert.Clean(await response.Content.ReadAsStringAsync());
        }

        using var detailed = await gateway.Management.GetAsync("/api/health/detailed");
        SecretAssert.Clean(await detailed.Content.ReadAsStringAsync());
    }

    private sealed class CountingCheck : IHealthCheck
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        /// <summary>When set, calls wait for it; <see cref="Entered"/> says a call has begun.</summary>
        public TaskCompletionSource? Gate { get; set; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            if (Gate is { } gate)
            {
                Entered.TrySetResult();
                await gate.Task;
            }

            return HealthCheckResult.Healthy("counted");
        }
    }
}
