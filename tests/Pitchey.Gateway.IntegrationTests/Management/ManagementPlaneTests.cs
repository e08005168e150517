using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Management;

/// <summary>The management listener over real HTTP: key, Host, paths, and what the public listener does with the same paths.</summary>
[Collection(SharedEnvironmentCollection.Name)]
public sealed class ManagementPlaneTests(SharedEnvironment shared)
{
    private static readonly string[] KeyedGets = ["/metrics", "/api/health/detailed", "/admin/breakers", "/api/status/history", "/api/status/panels",
        "/admin/db/slow-queries", "/admin/db/recommendations", "/admin/db/indexes", "/admin/db/activity", "/admin/alerts"];

    [Fact]
    public async Task EveryKeyedEndpoint_WithoutAKey_OrWithAWrongOne_Answers401_AndChangesNothing()
    {
        await using var gateway = await shared.StartGatewayAsync();
        using var client = new HttpClient { BaseAddress = gateway.ManagementAddress };

        foreach (var authorization in new AuthenticationHeaderValue?[] { null, new("ApiKey", "wrong-key"), new("Bearer", GatewayServer.ManagementKey) })
        {
            foreach (var path in KeyedGets)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = authorization } };
                using var response = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal("ApiKey", response.Headers.WwwAuthenticate.Single().Scheme);
            }

            foreach (var control in new[] { "/admin/breakers/api/isolate", "/admin/db/slow-queries/reset" })
            {
                using var post = new HttpRequestMessage(HttpMethod.Post, control) { Headers = { Authorization = authorization } };
                using var refused = await client.SendAsync(post);
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            }
        }

        foreach (var path in KeyedGets)
        {
            using var response = await gateway.Management.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path}: {response.StatusCode}");
        }

        Assert.Equal("closed", (await gateway.Management.GetFromJsonAsync<JsonElement>("/admin/breakers"))
            .GetProperty("clusters")[0].GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("nul", 400)]
    [InlineData("huge", 431)]
    [InlineData("repeated", 401)]
    [InlineData("wrong-then-right", 401)]
    public async Task AStrangeAuthorizationHeader_IsAClear4xx_NeverEchoingTheKey(string shape, int expected)
    {
        await using var gateway = await shared.StartGatewayAsync();
        var key = GatewayServer.ManagementKey;
        var headers = shape switch
        {
            "nul" => $"Authorization: ApiKey {key}\0{key}\r\n",
            "huge" => $"Authorization: ApiKey {key}{new string('k', 100_000)}\r\n",
            "repeated" => $"Authorization: ApiKey {key}\r\nAuthorization: ApiKey {key}\r\n",
            _ => $"Authorization: ApiKey wrong-key\r\nAuthorization: ApiKey {key}\r\n",
        };
        await using var raw = await RawHttp.ConnectAsync(gateway.ManagementAddress!);

        await raw.SendAsync($"GET /admin/breakers HTTP/1.1\r\nHost: {gateway.ManagementAddress!.Authority}\r\n{headers}Connection: close\r\n\r\n");
        var (status, text) = await raw.ReadResponseAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(expected, status);
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagementPaths_OnThePublicListener_AreApiPaths_ForwardedToTheUpstream()
    {
        await using var gateway = await shared.StartGatewayAsync();
        string[] paths = ["/metrics", "/admin/breakers", "/api/status/history", "/api/status/panels", "/", "/assets/status.js", "/admin/db/slow-queries", "/admin/alerts"];
        var before = await shared.StandIn.RequestCountAsync();

        foreach (var path in paths)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", GatewayServer.ManagementKey);
            using var response = await gateway.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(path, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("path").GetString());
        }

        Assert.Equal(before + paths.Length, await shared.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task UnknownPaths_AndPublicEndpoints_OnTheManagementListener_Are404_NeverForwarded()
    {
        await using var gateway = await shared.StartGatewayAsync();
        var before = await shared.StandIn.RequestCountAsync();

        foreach (var path in new[] { "/api/pitches", "/health/live", "/api/health", "/api/pitches/browse/enhanced", "/admin/db/nothing", "/metrics/x" })
        {
            using var response = await gateway.Management.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // A control asked for with GET (what a link or an image tag could do) is no control, and
        // a CORS preflight finds nothing to grant.
        using var get = await gateway.Management.GetAsync("/admin/breakers/api/isolate");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/admin/breakers/api/isolate");
        preflight.Headers.Add("Origin", "http://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var options = await gateway.Management.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NotFound, options.StatusCode);
        Assert.False(options.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(before, await shared.StandIn.RequestCountAsync());
        Assert.Equal("closed", (await gateway.Management.GetFromJsonAsync<JsonElement>("/admin/breakers"))
            .GetProperty("clusters")[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task AForeignHostHeader_Gets400_EvenWithTheKey_TheListenersOwnHostsPass()
    {
        await using var gateway = await shared.StartGatewayAsync();
        var port = gateway.ManagementAddress!.Port;

        foreach (var host in new[] { "evil.example", $"evil.example:{port}", "127.0.0.2", "127.0.0.1.nip.io" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status/panels");
            request.Headers.Host = host;
            using var response = await gateway.Management.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        foreach (var host in new[] { $"127.0.0.1:{port}", $"localhost:{port}", "LOCALHOST" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status/panels");
            request.Headers.Host = host;
            using var response = await gateway.Management.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task AllowedHosts_Configured_AddAName_AndTheDefaultsNoLongerApply()
    {
        var settings = shared.GatewaySettings();
        settings["Management:AllowedHosts:0"] = "gateway.internal";
        await using var gateway = await shared.StartGatewayAsync(settings);

        Assert.Equal(HttpStatusCode.OK, await StatusWithHostAsync(gateway, "gateway.internal"));
        Assert.Equal(HttpStatusCode.OK, await StatusWithHostAsync(gateway, "127.0.0.1")); // the listener's own host
        Assert.Equal(HttpStatusCode.BadRequest, await StatusWithHostAsync(gateway, "localhost"));
    }

    [Fact]
    public async Task TheStatusPagesOwnFiles_LoadWithoutTheKey_TheDataItShowsDoesNot()
    {
        await using var gateway = await shared.StartGatewayAsync();
        using var anonymous = new HttpClient { BaseAddress = gateway.ManagementAddress };

        using var page = await anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("/assets/status.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var script = await anonymous.GetAsync("/assets/status.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        using var style = await anonymous.GetAsync("/assets/status.css");
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);

        using var history = await anonymous.GetAsync("/api/status/history");
        Assert.Equal(HttpStatusCode.Unauthorized, history.StatusCode);
    }

    [Fact]
    public async Task MetricsAnonymous_OpensMetricsOnly()
    {
        var settings = shared.GatewaySettings();
        settings["Management:MetricsAnonymous"] = "true";
        await using var gateway = await shared.StartGatewayAsync(settings);
        using var anonymous = new HttpClient { BaseAddress = gateway.ManagementAddress };

        using var metrics = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("pitchey_breaker_state", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var detailed = await anonymous.GetAsync("/api/health/detailed");
        Assert.Equal(HttpStatusCode.Unauthorized, detailed.StatusCode);
    }

    [Fact]
    public async Task NoKeyConfigured_ThePlaneIsOff_ItsPortStaysClosed_AndItsPathsAreTheApis()
    {
        var settings = shared.GatewaySettings();
        var port = Loopback.FreePort();
        settings["Management:Urls"] = $"http://127.0.0.1:{port}";
        settings.Remove("Management:ApiKeySha256");
        await using var gateway = await shared.StartGatewayAsync(settings);

        Assert.Null(gateway.ManagementAddress);
        using var socket = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => socket.ConnectAsync("127.0.0.1", port));

        var before = await shared.StandIn.RequestCountAsync();
        using var metrics = await gateway.Client.GetAsync("/metrics");
        using var detailed = await gateway.Client.GetAsync("/api/health/detailed");
        using var recommendations = await gateway.Client.GetAsync("/admin/db/recommendations");
        using var alerts = await gateway.Client.GetAsync("/admin/alerts");
        Assert.Equal("/metrics", (await metrics.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("path").GetString());
        Assert.Equal("/admin/alerts", (await alerts.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("path").GetString());
        Assert.Equal(before + 4, await shared.StandIn.RequestCountAsync());
        using var probe = await gateway.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    private static async Task<HttpStatusCode> StatusWithHostAsync(GatewayServer gateway, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status/panels");
        request.Headers.Host = host;
        using var response = await gateway.Management.SendAsync(request);
        return response.StatusCode;
    }
}
