using System.Net;
using System.Text.Json;
using Pitchey.Testing.Gateway;

namespace Pitchey.Gateway.IntegrationTests.Limits;

/// <summary>Methods at the edge: TRACE and CONNECT 405, unknown methods 501, a route's allow-list 405; none of them forwarded.</summary>
[Collection(SharedEnvironmentCollection.Name)]
public sealed class MethodTests(SharedEnvironment shared)
{
    [Theory]
    [InlineData("TRACE", "/api/anything", 405)]
    [InlineData("TRACE", "/health/live", 405)]
    [InlineData("TRACE", "/", 405)]
    [InlineData("FOO", "/api/anything", 501)]
    [InlineData("PROPFIND", "/api/anything", 501)]
    public async Task RefusedMethods_AreAnsweredAtTheEdge_NeverForwarded(string method, string path, int status)
    {
        await using var gateway = await shared.StartGatewayAsync();
        var before = await shared.StandIn.RequestCountAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Cookie", "pitchey-session=reflect-me");

        using var response = await gateway.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.DoesNotContain("reflect-me", text, StringComparison.Ordinal);
        if (status == 405)
        {
            Assert.Contains("GET", response.Content.Headers.Allow);
            Assert.DoesNotContain("TRACE", response.Content.Headers.Allow);
        }

        Assert.Equal(before, await shared.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task Connect_Is405_NeverForwarded()
    {
        await using var gateway = await shared.StartGatewayAsync();
        var before = await shared.StandIn.RequestCountAsync();
        await using var raw = await RawHttp.ConnectAsync(gateway.Address);
        await raw.SendAsync($"CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");

        var status = await raw.ReadStatusAsync(TimeSpan.FromSeconds(20));

        Assert.True(status is 405 or 400, $"CONNECT answered {status}");
        Assert.Equal(before, await shared.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task RouteAllowList_RefusesOtherMethods_With405AndAllow()
    {
        var settings = shared.GatewaySettings();
        settings["ReverseProxy:Routes:api:Metadata:AllowedMethods"] = "GET,HEAD";
        await using var gateway = await shared.StartGatewayAsync(settings);
        var before = await shared.StandIn.RequestCountAsync();

        using var post = await gateway.Client.PostAsync("/api/pitches", new StringContent("{}"));
        using var get = await gateway.Client.GetAsync("/api/pitches");
        var body = JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(["GET", "HEAD"], post.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Equal("METHOD_NOT_ALLOWED", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(before + 1, await shared.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task ListingRoute_MatchesGetAndHeadOnly_APostThereIsForwardedThroughTheCatchAll()
    {
        await using var gateway = await shared.StartGatewayAsync();
        var before = await shared.StandIn.RequestCountAsync();

        using var post = await gateway.Client.PostAsync("/api/pitches/public", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(before + 1, await shared.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task RouteAllowList_Typo_StopsStartUp_NamingTheKey()
    {
        var settings = shared.GatewaySettings();
        settings["ReverseProxy:Routes:api:Metadata:AllowedMethods"] = "GET,DELET";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => shared.StartGatewayAsync(settings));

        Assert.Contains(
            "ReverseProxy:Routes:api:Metadata:AllowedMethods has entry 2, which is not an HTTP method",
            error.ToString(), StringComparison.Ordinal);
    }
}
