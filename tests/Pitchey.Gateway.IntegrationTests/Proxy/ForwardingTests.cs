using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Pitchey.Testing.Gateway;

namespace Pitchey.Gateway.IntegrationTests.Proxy;

[Collection(SharedEnvironmentCollection.Name)]
public sealed class ForwardingTests(SharedEnvironment shared) : IAsyncLifetime
{
    private GatewayServer _gateway = null!;

    public async Task InitializeAsync() => _gateway = await shared.StartGatewayAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Post_WithQueryBodyAndHeaders_ReachesUpstreamIntact()
    {
        var body = RandomNumberGenerator.GetBytes(100_000);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/pitches/42/comments?sort=new&tag=a%20b&tag=c")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Add("X-Custom-Header", "hello, world");
        request.Headers.Add("Cookie", "pitchey-session=abc123");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "token-xyz");

        using var response = await _gateway.Client.SendAsync(request);
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("POST", echo.GetProperty("method").GetString());
        Assert.Equal("/api/pitches/42/comments", echo.GetProperty("path").GetString());
        Assert.Equal("?sort=new&tag=a%20b&tag=c", echo.GetProperty("query").GetString());
        Assert.Equal(body.Length, echo.GetProperty("bodyLength").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), echo.GetProperty("bodySha256").GetString());
        var headers = echo.GetProperty("headers");
        Assert.Equal("hello, world", headers.GetProperty("X-Custom-Header").GetString());
        Assert.Equal("pitchey-session=abc123", headers.GetProperty("Cookie").GetString());
        Assert.Equal("Bearer token-xyz", headers.GetProperty("Authorization").GetString());
        Assert.Equal("application/octet-stream", headers.GetProperty("Content-Type").GetString());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    public async Task AnyMethod_IsForwardedAsIs(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/anything/else?x=1");
        if (method is "PUT" or "PATCH")
        {
            request.Content = JsonContent.Create(new { title = "t" });
        }

        using var response = await _gateway.Client.SendAsync(request);
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(method, echo.GetProperty("method").GetString());
        Assert.Equal("/api/anything/else", echo.GetProperty("path").GetString());
        Assert.Equal("?x=1", echo.GetProperty("query").GetString());
    }

    [Fact]
    public async Task UpstreamStatus_IsPassedThrough()
    {
        await shared.StandIn.SetFaultsAsync(new { errorRate = 1.0, status = 418 });
        try
        {
            using var response = await _gateway.Client.GetAsync("/api/teapot");

            Assert.Equal((HttpStatusCode)418, response.StatusCode);
        }
        finally
        {
            await shared.StandIn.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task SpoofedOriginHeaders_FromUntrustedCaller_AreNotPassedOn()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/whoami");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        request.Headers.Add("Forwarded", "for=203.0.113.9;proto=https");
        request.Headers.Add("X-Real-IP", "203.0.113.9");
        request.Headers.Add("X-Client-IP", "203.0.113.9");

        using var response = await _gateway.Client.SendAsync(request);
        var headers = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("headers");

        Assert.Equal("127.0.0.1", headers.GetProperty("X-Forwarded-For").GetString());
        Assert.Equal("http", headers.GetProperty("X-Forwarded-Proto").GetString());
        Assert.Equal(_gateway.Address.Authority, headers.GetProperty("X-Forwarded-Host").GetString());
        Assert.False(headers.TryGetProperty("Forwarded", out _));
        Assert.False(headers.TryGetProperty("X-Real-IP", out _));
        Assert.False(headers.TryGetProperty("X-Client-IP", out _));
    }

    [Fact]
    public async Task ForwardedHeaders_FromTrustedProxy_AreBelieved()
    {
        var settings = shared.GatewaySettings();
        settings["Proxy:TrustedProxies:0"] = "127.0.0.0/8";
        await using var gateway = await shared.StartGatewayAsync(settings);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/whoami");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await gateway.Client.SendAsync(request);
        var headers = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("headers");

        Assert.Equal("203.0.113.9", headers.GetProperty("X-Forwarded-For").GetString());
        Assert.Equal("https", headers.GetProperty("X-Forwarded-Proto").GetString());
    }

    [Fact]
    public async Task ProbePaths_AreAnsweredByTheGateway_NotForwarded()
    {
        var before = await shared.StandIn.RequestCountAsync();

        foreach (var path in new[] { "/health/live", "/health/ready", "/health", "/api/health" })
        {
            using var response = await _gateway.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var forwarded = await _gateway.Client.GetAsync("/api/healthz");
        Assert.Equal(before + 1, await shared.StandIn.RequestCountAsync());
    }
}
