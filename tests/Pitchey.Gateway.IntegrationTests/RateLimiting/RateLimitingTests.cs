using System.Net;
using System.Text.Json;
using Pitchey.Testing.Gateway;

namespace Pitchey.Gateway.IntegrationTests.RateLimiting;

/// <summary>
/// ASP.NET Core's limiters on the YARP route (<c>RateLimiterPolicy</c>) and the tuned endpoints, per
/// real client address: 429 with Retry-After, never 503, the upstream spared; probes exempt; a
/// policy name nobody defined stops start-up.
/// </summary>
[Collection(SharedEnvironmentCollection.Name)]
public sealed class RateLimitingTests(SharedEnvironment shared)
{
    [Fact]
    public async Task ProxiedRoute_OverItsPolicy_Is429WithRetryAfter_AndTheUpstreamIsSpared()
    {
        await using var gateway = await shared.StartGatewayAsync(Limited(shared.GatewaySettings()));
        var before = await shared.StandIn.RequestCountAsync();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await gateway.Client.GetAsync($"/api/pitches?i={i}");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await gateway.Client.GetAsync("/api/pitches");
        using var offApi = await gateway.Client.GetAsync("/somewhere/else");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 600);
        var body = JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("RATE_LIMITED", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, offApi.StatusCode);
        Assert.Equal("application/problem+json", offApi.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(offApi.Headers.RetryAfter);
        Assert.Equal(before + 3, await shared.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task TunedEndpoints_OverTheirPolicy_Are429_AndProbesAreExempt()
    {
        await using var gateway = await shared.StartGatewayAsync(Limited(shared.GatewaySettings()));

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await gateway.Client.GetAsync($"/api/search?q=&page={i + 1}");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await gateway.Client.GetAsync("/api/pitches/browse/enhanced");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);

        foreach (var probe in new[] { "/health/live", "/health/ready", "/health", "/api/health" })
        {
            for (var i = 0; i < 10; i++)
            {
                using var response = await gateway.Client.GetAsync(probe);
                Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
                Assert.NotEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task Clients_AreTheirRealAddresses_BehindATrustedProxy()
    {
        var settings = Limited(shared.GatewaySettings());
        settings["Proxy:TrustedProxies:0"] = "127.0.0.0/8";
        await using var gateway = await shared.StartGatewayAsync(settings);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(gateway, "203.0.113.1"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(gateway, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(gateway, "203.0.113.2"));
    }

    [Fact]
    public async Task ClaimedAddresses_FromAnUntrustedCaller_DoNotBuyMoreRequests()
    {
        await using var gateway = await shared.StartGatewayAsync(Limited(shared.GatewaySettings()));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(gateway, $"203.0.113.{i + 1}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(gateway, "203.0.113.99"));
    }

    [Theory]
    [InlineData("ReverseProxy:Routes:api:RateLimiterPolicy", "apii",
        "ReverseProxy:Routes:api:RateLimiterPolicy names policy 'apii', which is not defined under RateLimiting:Policies.")]
    [InlineData("RateLimiting:TunedEndpointsPolicy", "tunde",
        "RateLimiting:TunedEndpointsPolicy names policy 'tunde', which is not defined under RateLimiting:Policies.")]
    public async Task PolicyNameTypo_StopsStartUp_NamingTheKeyAndThePolicy(string key, string typo, string message)
    {
        var settings = shared.GatewaySettings();
        settings[key] = typo;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => shared.StartGatewayAsync(settings));

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Three proxied and two tuned requests per client in ten minutes.</summary>
    internal static Dictionary<string, string?> Limited(Dictionary<string, string?> settings)
    {
        settings["RateLimiting:Policies:api:Algorithm"] = "FixedWindow";
        settings["RateLimiting:Policies:api:PermitLimit"] = "3";
        settings["RateLimiting:Policies:api:Window"] = "00:10:00";
        settings["RateLimiting:Policies:tuned:Algorithm"] = "FixedWindow";
        settings["RateLimiting:Policies:tuned:PermitLimit"] = "2";
        settings["RateLimiting:Policies:tuned:Window"] = "00:10:00";
        return settings;
    }

    private static async Task<HttpStatusCode> StatusAsync(GatewayServer gateway, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/pitches");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await gateway.Client.SendAsync(request);
        return response.StatusCode;
    }
}
