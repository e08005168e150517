using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pitchey.Gateway.IntegrationTests.Proxy;

/// <summary>
/// <c>AllowedHosts</c> on the public port (probes exempt), and the client-address headers: dropped
/// from untrusted callers, believed from trusted proxies as configured.
/// </summary>
[Collection(SharedEnvironmentCollection.Name)]
public sealed class HostAndClientAddressTests(SharedEnvironment shared)
{
    private static readonly string[] Claims =
    [
        "Forwarded", "X-Real-IP", "X-Client-IP", "True-Client-IP", "CF-Connecting-IP", "X-Cluster-Client-IP", "Fastly-Client-IP",
        "X-Originating-IP", "Client-IP", "X-Original-For", "X-Original-Host", "X-Forwarded-Port", "X-Forwarded-Server",
        "X-Forwarded-Scheme", "X-Forwarded-Ssl", "X-Envoy-External-Address", "X-ProxyUser-IP",
    ];

    [Fact]
    public async Task ForeignHost_Is400_AndNothingIsForwarded_ButProbesAnswer()
    {
        await using var gateway = await shared.StartGatewayAsync();
        var before = await shared.StandIn.RequestCountAsync();

        using var foreign = await SendAsync(gateway.Client, "/api/pitches", "evil.example");
        using var probe = await SendAsync(gateway.Client, "/health/live", "10.1.2.3:8080");
        using var local = await SendAsync(gateway.Client, "/api/pitches", "localhost");

        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        var body = JsonDocument.Parse(await foreign.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("BAD_REQUEST", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Equal(before + 1, await shared.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task AllowedHosts_Star_AcceptsAnyHost()
    {
        var settings = shared.GatewaySettings();
        settings["AllowedHosts"] = "*";
        await using var gateway = await shared.StartGatewayAsync(settings);

        using var response = await SendAsync(gateway.Client, "/api/pitches", "anything.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ClientAddressHeaders_FromAnUntrustedCaller_AreAllDropped()
    {
        await using var gateway = await shared.StartGatewayAsync();

        var headers = await EchoedHeadersAsync(gateway.Client, Claims.Select(h => (h, "203.0.113.9")));

        foreach (var claim in Claims)
        {
            Assert.False(headers.TryGetProperty(claim, out _), $"{claim} reached the upstream");
        }

        Assert.Equal("127.0.0.1", headers.GetProperty("X-Forwarded-For").GetString());
    }

    [Fact]
    public async Task ClientAddressHeaders_FromATrustedProxy_AreBelievedAsConfigured()
    {
        var settings = shared.GatewaySettings();
        settings["Proxy:TrustedProxies:0"] = "127.0.0.0/8";
        settings["Proxy:ForwardedForHeader"] = "CF-Connecting-IP";
        await using var gateway = await shared.StartGatewayAsync(settings);

        var headers = await EchoedHeadersAsync(gateway.Client, [("CF-Connecting-IP", "198.51.100.7"), ("True-Client-IP", "198.51.100.7")]);

        Assert.Equal("198.51.100.7", headers.GetProperty("X-Forwarded-For").GetString());
        Assert.Equal("198.51.100.7", headers.GetProperty("True-Client-IP").GetString());
    }

    [Fact]
    public async Task ClientAddressHeaders_List_IsConfigurable()
    {
        var settings = shared.GatewaySettings();
        settings["Proxy:ClientAddressHeaders:0"] = "X-My-Edge-*";
        await using var gateway = await shared.StartGatewayAsync(settings);

        var headers = await EchoedHeadersAsync(gateway.Client, [("X-My-Edge-Client", "203.0.113.9"), ("X-Other", "kept")]);

        Assert.False(headers.TryGetProperty("X-My-Edge-Client", out _));
        Assert.Equal("kept", headers.GetProperty("X-Other").GetString());
    }

    [Fact]
    public async Task ClientAddressHeaders_BadEntry_StopsStartUp_NamingTheKey()
    {
        var settings = shared.GatewaySettings();
        settings["Proxy:ClientAddressHeaders:0"] = "X-Fine";
        settings["Proxy:ClientAddressHeaders:1"] = "Bad Header";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => shared.StartGatewayAsync(settings));

        Assert.Contains("Proxy:ClientAddressHeaders:1 is not a header name", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> EchoedHeadersAsync(HttpClient client, IEnumerable<(string Name, string Value)> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/whoami");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("headers");
    }
}
