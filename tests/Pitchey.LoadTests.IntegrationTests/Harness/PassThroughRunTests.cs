using System.Text.Json.Nodes;
using Pitchey.Gateway.Cli;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.LoadTests.IntegrationTests.Harness;

/// <summary>
/// Short runs of <c>pass-through</c> against a real gateway in front of the real stand-in API (no
/// database: forwarding needs none), and against the stand-in alone. Counts, never times.
/// </summary>
public sealed class PassThroughRunTests : IAsyncLifetime
{
    private StandInServer _standIn = null!;
    private GatewayServer _gateway = null!;

    public async Task InitializeAsync()
    {
        _standIn = await StandInServer.StartAsync();
        _gateway = await GatewayServer.StartAsync(GatewayServer.BaseSettings(GatewayServer.NoDatabase, _standIn.Address));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _standIn.DisposeAsync();
    }

    [Fact]
    public async Task Run_GatewayComparedWithTheStandIn_CountsAddUpAndTheStandInSawEveryRequest()
    {
        var before = await _standIn.RequestCountAsync();

        using var run = await HarnessRun.StartAsync(
            "pass-through", "--target", _gateway.Address.ToString(), "--compare", _standIn.Address.ToString(), "--standin", _standIn.Address.ToString(),
            "--rate", "300", "--connections", "4", "--duration", "2s", "--warmup", "0s", "--slice", "250ms");

        Assert.True(run.Exit == ExitCodes.Ok, run.Output + run.Error);
        var targets = run.Targets.ToList();
        Assert.Equal(["target", "compare"], targets.Select(target => target.GetProperty("role").GetString()));
        foreach (var target in targets)
        {
            HarnessRun.AssertConsistent(target.GetProperty("total"));
            HarnessRun.AssertLabelsAddUp(target);
            Assert.Equal(0, target.GetProperty("total").GetProperty("errors").GetProperty("total").GetInt64());
        }

        // Every request due in the window was sent or dropped: rate × seconds, split between the turns.
        Assert.Equal(600, targets.Sum(target => target.GetProperty("total").GetProperty("sent").GetInt64() + target.GetProperty("total").GetProperty("dropped").GetInt64()));
        var sent = targets.Sum(target => target.GetProperty("total").GetProperty("sent").GetInt64());
        Assert.Equal(sent, HarnessRun.Counter(run.Report, "upstream", "upstream requests"));
        Assert.Equal(sent, await _standIn.RequestCountAsync() - before);
        Assert.True(targets[1].GetProperty("ratioToFirst").GetProperty("achievedRate").GetDouble() > 0);
        Assert.Contains("vs " + _gateway.Address.Authority, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ThresholdThatCannotHold_ExitsThreeAndSaysWhich()
    {
        using var run = await HarnessRun.StartAsync(
            "pass-through", "--target", _standIn.Address.ToString(), "--rate", "100", "--connections", "2", "--duration", "1s", "--warmup", "0s",
            "--threshold", "p50<1us", "--threshold", "errors<50%");

        Assert.Equal(ExitCodes.ThresholdsNotMet, run.Exit);
        Assert.Contains("threshold p50<1us: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("-> FAILED", run.Output, StringComparison.Ordinal);
        var thresholds = run.Report.GetProperty("thresholds").EnumerateArray().ToList();
        Assert.Equal([false, true], thresholds.Select(threshold => threshold.GetProperty("passed").GetBoolean()));
        Assert.False(run.Report.GetProperty("passed").GetBoolean());
        Assert.Equal(ExitCodes.ThresholdsNotMet, run.Report.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task Run_BaselineWithBetterPlantedFigures_RegressionExitsThree()
    {
        using var first = await HarnessRun.StartAsync(
            "pass-through", "--target", _standIn.Address.ToString(), "--rate", "200", "--connections", "2", "--duration", "1s", "--warmup", "0s");
        Assert.True(first.Exit == ExitCodes.Ok, first.Output + first.Error);
        var planted = JsonNode.Parse(await File.ReadAllTextAsync(first.ReportPath))!;
        var total = planted["targets"]![0]!["total"]!;
        total["corrected"]!["p50Us"] = 1;
        total["corrected"]!["p99Us"] = 1;
        total["achievedRate"] = total["achievedRate"]!.GetValue<double>() * 10;
        var baseline = Path.Combine(first.Folder, "better.json");
        await File.WriteAllTextAsync(baseline, planted.ToJsonString());

        using var second = await HarnessRun.StartAsync(
            "pass-through", "--target", _standIn.Address.ToString(), "--rate", "200", "--connections", "2", "--duration", "1s", "--warmup", "0s",
            "--baseline", baseline);

        Assert.Equal(ExitCodes.ThresholdsNotMet, second.Exit);
        Assert.Contains("REGRESSED", second.Output, StringComparison.Ordinal);
        Assert.Contains("baseline: REGRESSION", second.Output, StringComparison.Ordinal);
        var comparison = second.Report.GetProperty("baseline");
        Assert.False(comparison.GetProperty("passed").GetBoolean());
        var regressed = comparison.GetProperty("deltas").EnumerateArray()
            .Where(delta => delta.GetProperty("regressed").GetBoolean() && delta.GetProperty("label").ValueKind == System.Text.Json.JsonValueKind.Null)
            .Select(delta => delta.GetProperty("figure").GetString());
        Assert.Equal(["p50", "p99", "rps"], regressed);
    }

    [Fact]
    public async Task Run_MaxRequests_EndsTheWindowAtTheCount()
    {
        using var run = await HarnessRun.StartAsync(
            "pass-through", "--target", _standIn.Address.ToString(), "--connections", "2", "--duration", "30s", "--warmup", "0s", "--max-requests", "50");

        Assert.True(run.Exit == ExitCodes.Ok, run.Output + run.Error);
        Assert.Equal("max-requests", run.Report.GetProperty("endedBy").GetString());
        Assert.Equal("closed", run.Report.GetProperty("settings").GetProperty("model").GetString());
        var total = run.Targets.Single().GetProperty("total");
        HarnessRun.AssertConsistent(total);
        Assert.Equal(50, total.GetProperty("sent").GetInt64());
    }

    [Fact]
    public async Task Run_NothingListens_UnavailableNamingTheOption()
    {
        var nobody = Loopback.RefusingAddress();

        using var run = await HarnessRun.StartAsync("pass-through", "--target", _standIn.Address.ToString(), "--compare", nobody.ToString(), "--duration", "1s");

        Assert.Equal(ExitCodes.Unavailable, run.Exit);
        Assert.Equal($"run: nothing answers at --compare {nobody} (ConnectionRefused)", run.Error.Trim());
        Assert.False(File.Exists(run.ReportPath));
    }
}
