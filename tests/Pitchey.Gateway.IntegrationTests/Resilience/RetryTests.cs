using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Pitchey.Gateway.Diagnostics;
using Pitchey.Gateway.Resilience;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Resilience;

[Collection(SharedEnvironmentCollection.Name)]
public sealed class RetryTests(SharedEnvironment shared) : IAsyncLifetime, IDisposable
{
    /// <summary>A cluster of its own, so retries counted here are this test's alone.</summary>
    private const string Cluster = "retry-test";

    private readonly MeterListener _listener = new();
    private long _retries;

    public Task InitializeAsync()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GatewayTelemetry.Name && instrument.Name == "pitchey.upstream.retries")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == ResilienceMetrics.ClusterTag && Cluster.Equals(tag.Value as string, StringComparison.Ordinal))
                {
                    Interlocked.Add(ref _retries, value);
                }
            }
        });
        _listener.Start();
        return shared.StandIn.ClearFaultsAsync();
    }

    public Task DisposeAsync() => shared.StandIn.ClearFaultsAsync();

    public void Dispose() => _listener.Dispose();

    private Dictionary<string, string?> Settings(Uri destination)
    {
        var settings = shared.GatewaySettings();
        settings[$"ReverseProxy:Routes:{Cluster}:ClusterId"] = Cluster;
        settings[$"ReverseProxy:Routes:{Cluster}:Order"] = "1";
        settings[$"ReverseProxy:Routes:{Cluster}:Match:Path"] = "/retry/{**rest}";
        settings[$"ReverseProxy:Clusters:{Cluster}:Destinations:d1:Address"] = destination.ToString();
        settings[$"Resilience:Clusters:{Cluster}:MaxRetries"] = "2";
        settings[$"Resilience:Clusters:{Cluster}:RetryBaseDelay"] = "00:00:00.010";
        return settings;
    }

    [Fact]
    public async Task Get_ConnectionRefused_IsRetriedTwice_Then502()
    {
        await using var gateway = await shared.StartGatewayAsync(Settings(Loopback.RefusingAddress()));

        using var response = await gateway.Client.GetAsync("/retry/pitches");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(2, Interlocked.Read(ref _retries));
    }

    [Fact]
    public async Task Post_ConnectionRefused_IsNeverRetried()
    {
        await using var gateway = await shared.StartGatewayAsync(Settings(Loopback.RefusingAddress()));

        using var response = await gateway.Client.PostAsync("/retry/pitches", JsonContent.Create(new { title = "t" }));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(0, Interlocked.Read(ref _retries));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public async Task TransientServerError_ReachesTheUpstreamExactlyOnce(string method)
    {
        await using var gateway = await shared.StartGatewayAsync(Settings(shared.StandIn.Address));
        await shared.StandIn.SetFaultsAsync(new { errorRate = 1.0, status = 503 });
        var before = await shared.StandIn.RequestCountAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/retry/pitches");
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { title = "t" });
        }

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(before + 1, await shared.StandIn.RequestCountAsync());
        Assert.Equal(0, Interlocked.Read(ref _retries));
    }
}
