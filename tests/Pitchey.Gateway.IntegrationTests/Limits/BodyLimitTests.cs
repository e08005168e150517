using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pitchey.Gateway.Resilience;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Limits;

/// <summary>
/// Body, header and request-line limits against the real Kestrel: a declared Content-Length over
/// the route's <c>MaxRequestBodySize</c> never reaches the upstream; a chunked body that runs over
/// is aborted upstream, never completed; over-long headers get 431 and request lines 414.
/// </summary>
[Collection(SharedEnvironmentCollection.Name)]
public sealed class BodyLimitTests(SharedEnvironment shared) : IAsyncLifetime
{
    private const int RouteLimit = 64 * 1024;
    private GatewayServer _gateway = null!;

    public async Task InitializeAsync()
    {
        var settings = shared.GatewaySettings();
        settings["ReverseProxy:Routes:api:Metadata:MaxRequestBodySize"] = RouteLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _gateway = await shared.StartGatewayAsync(settings);
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task DeclaredLengthOverTheRouteLimit_Is413_AndTheUpstreamReceivesNothing()
    {
        var before = await shared.StandIn.RequestCountAsync();

        using var response = await _gateway.Client.PostAsync("/api/pitches/upload", new ByteArrayContent(new byte[RouteLimit + 1]));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("PAYLOAD_TOO_LARGE", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(before, await shared.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task DeclaredLengthAtTheRouteLimit_IsForwarded()
    {
        using var response = await _gateway.Client.PostAsync("/api/pitches/upload", new ByteArrayContent(new byte[RouteLimit]));
        var echo = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RouteLimit, echo.GetProperty("bodyLength").GetInt64());
    }

    [Fact]
    public async Task ChunkedBodyOverTheRouteLimit_Is413_AndTheUpstreamRequestIsAbortedNotCompleted()
    {
        var completedBefore = await shared.StandIn.CompletedCountAsync();
        var breaker = _gateway.Services.GetRequiredService<BreakerRegistry>().Get("api");
        var countsBefore = breaker.Counts;
        await using var raw = await RawHttp.ConnectAsync(_gateway.Address);
        await raw.SendAsync($"POST /api/pitches/upload HTTP/1.1\r\nHost: {_gateway.Address.Authority}\r\nTransfer-Encoding: chunked\r\n\r\n");

        using var stop = new CancellationTokenSource();
        var chunk = "1000\r\n" + new string('x', 0x1000) + "\r\n";
        var sending = Task.Run(async () =>
        {
            // Up to four times the limit, 4 KiB a chunk, until the gateway stops reading.
            for (var sent = 0; sent < 4 * RouteLimit && !stop.IsCancellationRequested; sent += 0x1000)
            {
                if (!await raw.SendAsync(chunk))
                {
                    return;
                }

                await Task.Delay(1);
            }
        });
        var status = await raw.ReadStatusAsync(TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await sending;

        Assert.Equal(413, status);
        await Eventually.HoldsAsync(() => breaker.Counts.Ignored > countsBefore.Ignored, "the aborted forward is recorded, as not counted");
        Assert.Equal(completedBefore, await shared.StandIn.CompletedCountAsync());
        Assert.Equal(countsBefore.Failures, breaker.Counts.Failures);
    }

    [Fact]
    public async Task HeadersOverTheLimit_Are431()
    {
        await using var raw = await RawHttp.ConnectAsync(_gateway.Address);
        await raw.SendAsync($"GET /api/pitches HTTP/1.1\r\nHost: {_gateway.Address.Authority}\r\nX-Big: {new string('h', 40 * 1024)}\r\n\r\n");

        Assert.Equal(431, await raw.ReadStatusAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task RequestLineOverTheLimit_Is414()
    {
        await using var raw = await RawHttp.ConnectAsync(_gateway.Address);
        await raw.SendAsync($"GET /api/pitches?q={new string('q', 9 * 1024)} HTTP/1.1\r\nHost: {_gateway.Address.Authority}\r\n\r\n");

        Assert.Equal(414, await raw.ReadStatusAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task DeclaredLengthOverTheDefault_IsRefused_OnRoutesWithoutTheirOwnLimit_AndTheGatewaysEndpoints()
    {
        var settings = shared.GatewaySettings();
        settings["Limits:MaxRequestBodySize"] = "1000";
        settings["ReverseProxy:Routes:plain:ClusterId"] = "api";
        settings["ReverseProxy:Routes:plain:Order"] = "1";
        settings["ReverseProxy:Routes:plain:Match:Path"] = "/plain/{**rest}";
        await using var gateway = await shared.StartGatewayAsync(settings);
        var before = await shared.StandIn.RequestCountAsync();

        using var proxied = await gateway.Client.PostAsync("/plain/pitches", new ByteArrayContent(new byte[1001]));
        using var own = await gateway.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/search?q=x") { Content = new ByteArrayContent(new byte[1001]) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, proxied.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, own.StatusCode);
        Assert.Equal(before, await shared.StandIn.RequestCountAsync());
    }
}
