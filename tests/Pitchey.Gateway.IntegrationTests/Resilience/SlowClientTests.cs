using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pitchey.Gateway.Resilience;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Resilience;

/// <summary>
/// The breaker counts upstream faults only: clients that upload slowly, stop sending or hang up are
/// answered 408 (or dropped) and change no breaker count; ten of them do not open a breaker that
/// opens after four failures.
/// </summary>
[Collection(SharedEnvironmentCollection.Name)]
public sealed class SlowClientTests(SharedEnvironment shared) : IAsyncLifetime
{
    private const int Clients = 10;

    public Task InitializeAsync() => shared.StandIn.ClearFaultsAsync();

    public Task DisposeAsync() => shared.StandIn.ClearFaultsAsync();

    [Fact]
    public async Task SlowUploads_PastTheRouteTimeout_Are408_AndNotCounted()
    {
        // 1 KB/s clears Kestrel's minimum rate (240 B/s) but not a 1 s route timeout for 100 KB.
        var settings = Breakers.Fast(shared.GatewaySettings());
        settings["ReverseProxy:Routes:api:Timeout"] = "00:00:01";
        await using var gateway = await shared.StartGatewayAsync(settings);

        var statuses = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            await using var raw = await StartUploadAsync(gateway, 100_000);
            using var stop = new CancellationTokenSource();
            var trickle = raw.TrickleAsync(100_000, 100, TimeSpan.FromMilliseconds(100), stop.Token);
            var status = await raw.ReadStatusAsync(TimeSpan.FromSeconds(30));
            await stop.CancelAsync();
            await trickle;
            return status;
        }));

        await AssertNotCountedAsync(gateway, statuses);
    }

    [Fact]
    public async Task SlowUpload_PastTheRouteTimeout_Is408InTheApisEnvelope()
    {
        var settings = shared.GatewaySettings();
        settings["ReverseProxy:Routes:api:Timeout"] = "00:00:01";
        await using var gateway = await shared.StartGatewayAsync(settings);
        await using var raw = await StartUploadAsync(gateway, 100_000);
        using var stop = new CancellationTokenSource();
        var trickle = raw.TrickleAsync(100_000, 100, TimeSpan.FromMilliseconds(100), stop.Token);

        var (status, text) = await raw.ReadResponseAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await trickle;

        Assert.Equal(408, status);
        Assert.Contains("application/json", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("""{"success":false,"error":{"code":"REQUEST_TIMEOUT","message":"The request body arrived too slowly."}}""", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadsThatStopSending_Are408FromKestrel_AndNotCounted()
    {
        var settings = Breakers.Fast(shared.GatewaySettings());
        settings["Limits:MinRequestBodyDataRateGracePeriod"] = "00:00:02";
        await using var gateway = await shared.StartGatewayAsync(settings);

        var statuses = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            await using var raw = await StartUploadAsync(gateway, 10_000);
            await raw.SendAsync(new string('x', 10));
            return await raw.ReadStatusAsync(TimeSpan.FromSeconds(30));
        }));

        await AssertNotCountedAsync(gateway, statuses);
    }

    [Fact]
    public async Task UploadsThatHangUp_AreNotCounted()
    {
        await using var gateway = await shared.StartGatewayAsync(Breakers.Fast(shared.GatewaySettings()));
        var before = await shared.StandIn.RequestCountAsync();
        var uploads = new List<RawHttp>();
        try
        {
            for (var i = 0; i < Clients; i++)
            {
                var raw = await StartUploadAsync(gateway, 10_000);
                uploads.Add(raw);
                await raw.SendAsync(new string('x', 100));
            }

            // Every upload has reached the upstream before its client hangs up.
            await Eventually.HoldsAsync(async () => await shared.StandIn.RequestCountAsync() >= before + Clients, "the stand-in sees every upload");
        }
        finally
        {
            foreach (var raw in uploads)
            {
                raw.Abort();
            }
        }

        await AssertNotCountedAsync(gateway, statuses: []);
    }

    private static async Task<RawHttp> StartUploadAsync(GatewayServer gateway, int length)
    {
        var raw = await RawHttp.ConnectAsync(gateway.Address);
        await raw.SendAsync($"POST /api/pitches/upload HTTP/1.1\r\nHost: {gateway.Address.Authority}\r\nContent-Type: application/octet-stream\r\nContent-Length: {length}\r\n\r\n");
        return raw;
    }

    private static async Task AssertNotCountedAsync(GatewayServer gateway, int?[] statuses)
    {
        Assert.All(statuses, status => Assert.True(status is null or 408, $"a slow client was answered {status}"));
        var breaker = gateway.Services.GetRequiredService<BreakerRegistry>().Get("api");
        await Eventually.HoldsAsync(() => breaker.Counts.Ignored >= Clients, "every slow client's forward ended, as not counted");
        Assert.Equal(0, breaker.Counts.Failures);
        Assert.Equal("closed", await Breakers.StateAsync(gateway));
        using var next = await gateway.Client.GetAsync("/api/pitches");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }
}
