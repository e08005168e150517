using System.Net.Http.Json;
using Pitchey.Gateway.Cli;
using Pitchey.Testing.Gateway;

namespace Pitchey.LoadTests.IntegrationTests.Harness;

/// <summary>
/// <c>breaker</c> against a real gateway in front of the real stand-in, its breaker made quick (opens
/// after a few failures, breaks for half a second) so that a 3 s run sees it open, reject and close.
/// Counts only: rejections while open, what the stand-in received meanwhile, the recovery event.
/// </summary>
public sealed class BreakerRunTests : IAsyncLifetime
{
    private StandInServer _standIn = null!;
    private GatewayServer _gateway = null!;
    private string _keyFile = null!;

    public async Task InitializeAsync()
    {
        _standIn = await StandInServer.StartAsync();
        var settings = GatewayServer.BaseSettings(GatewayServer.NoDatabase, _standIn.Address);
        settings["Resilience:Clusters:api:MinimumThroughput"] = "5";
        settings["Resilience:Clusters:api:SamplingDuration"] = "00:00:01";
        settings["Resilience:Clusters:api:BreakDuration"] = "00:00:00.5";
        _gateway = await GatewayServer.StartAsync(settings);

        // The first forwards compile the proxy's path; a run that began with them would spend its first
        // second there, and the faults' quarter would come before anything had been answered.
        for (var i = 0; i < 20; i++)
        {
            using var response = await _gateway.Client.GetAsync("/api/pitches/1");
            response.EnsureSuccessStatusCode();
        }

        _keyFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(_keyFile, GatewayServer.ManagementKey);
    }

    public async Task DisposeAsync()
    {
        File.Delete(_keyFile);
        await _gateway.DisposeAsync();
        await _standIn.DisposeAsync();
    }

    [Fact]
    public async Task Run_UpstreamFailsThenHeals_RejectionsWhileOpenReachNobodyAndRecoveryIsAnEvent()
    {
        using var run = await HarnessRun.StartAsync(
            "breaker", "--target", _gateway.Address.ToString(), "--standin", _standIn.Address.ToString(),
            "--management", _gateway.ManagementAddress!.ToString(), "--api-key-file", _keyFile,
            "--rate", "200", "--connections", "4", "--duration", "3s", "--warmup", "1s");

        var target = run.AssertOneTargetAddsUp(600);
        var total = target.GetProperty("total");
        var sent = total.GetProperty("sent").GetInt64();
        var set = run.FigureSet("breaker");
        HarnessRun.AssertKindsAddUp(set, sent);

        // Successes before the faults; then the upstream's 500s, then the breaker's 503s with Retry-After. (Which phase an
        // answer falls in goes by its send time: on a busy machine one sent just before the switch can meet the faults.)
        Assert.True(run.Figure("breaker", "before the faults: ok") > 0, set.ToString());
        Assert.True(run.Figure("breaker", "faults on: upstream errors") > 0, set.ToString());
        var rejections = run.Figure("breaker", "rejections");
        Assert.True(rejections > 0, set.ToString());
        Assert.Equal(rejections, total.GetProperty("errors").GetProperty("status").GetProperty("503").GetInt64());
        Assert.Equal(sent, run.Figure("breaker", "before the faults: ok") + run.Figure("breaker", "before the faults: errors")
            + run.Figure("breaker", "faults on: upstream errors") + run.Figure("breaker", "faults on: rejections") + run.Figure("breaker", "faults on: ok")
            + run.Figure("breaker", "after the heal: rejections") + run.Figure("breaker", "after the heal: errors") + run.Figure("breaker", "after the heal: ok"));

        // While open, the stand-in's count did not grow: the gateway answered alone.
        Assert.Equal(0, run.Figure("breaker", "upstream requests while open"));
        var latencies = set.GetProperty("latencies").EnumerateArray().ToList();
        Assert.Equal(["rejections (from send)", "rejections (from due)"], latencies.Select(l => l.GetProperty("name").GetString()));
        Assert.Equal(rejections, latencies[0].GetProperty("latency").GetProperty("count").GetInt64());
        Assert.True(latencies[0].GetProperty("latency").GetProperty("p99Us").GetInt64() > 0);

        // Opened, then recovered after the heal, each an event at its time; the gateway saw its breaker open too.
        var events = run.Events;
        var names = events.Select(e => e.Name).ToList();
        Assert.True(names.IndexOf("faults on") < names.IndexOf("breaker opened"), string.Join(", ", names));
        Assert.True(names.IndexOf("faults off") < names.IndexOf("recovered"), string.Join(", ", names));
        Assert.Contains("breaker api open", names);
        Assert.True(run.Figure("breaker", "time to recover") >= 0);
        Assert.True(run.Figure("breaker", "after the heal: ok") > 0);
        Assert.Equal(rejections, run.Figure("breaker", "rejections counted by the gateway (api)"));
        var faults = await _standIn.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/_standin/faults");
        Assert.Equal(0, faults.GetProperty("errorRate").GetDouble());
    }

    [Fact]
    public async Task Run_WithoutStandIn_UsageErrorNamingTheOption()
    {
        using var run = await HarnessRun.StartAsync("breaker", "--target", _gateway.Address.ToString(), "--duration", "1s");

        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.Equal("run: breaker switches the upstream's faults: give --standin <url> (the stand-in API behind the gateway)", run.Error.Trim());
    }
}
