using Pitchey.Gateway.Cli;
using Pitchey.LoadTests.Harness.Engine;
using Pitchey.Testing.Gateway;

namespace Pitchey.LoadTests.IntegrationTests.Harness;

/// <summary>
/// <c>connections</c> against a real gateway (in this process, so <c>--target-pid</c> is this one):
/// every connection asked for is held for the whole run, none fails, and the memory is sampled; the
/// gateway's own /metrics gives its working set as well.
/// </summary>
public sealed class ConnectionsRunTests : IAsyncLifetime
{
    private GatewayServer _gateway = null!;
    private string _keyFile = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayServer.StartAsync(GatewayServer.BaseSettings(GatewayServer.NoDatabase, null));
        _keyFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(_keyFile, GatewayServer.ManagementKey);
    }

    public async Task DisposeAsync()
    {
        File.Delete(_keyFile);
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task Run_FiftyConnections_AllHeldNoErrorsAndMemorySampled()
    {
        using var run = await HarnessRun.StartAsync(
            "connections", "--target", _gateway.Address.ToString(), "--connections", "50", "--rate", "100", "--duration", "2s", "--warmup", "0s",
            "--target-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(run.Exit == ExitCodes.Ok, run.Output + run.Error);
        var target = run.Targets.Single();
        HarnessRun.AssertConsistent(target.GetProperty("total"));
        HarnessRun.AssertLabelsAddUp(target);
        Assert.Equal(0, target.GetProperty("total").GetProperty("errors").GetProperty("total").GetInt64());
        Assert.Equal(200, target.GetProperty("total").GetProperty("sent").GetInt64() + target.GetProperty("total").GetProperty("dropped").GetInt64());
        Assert.Equal(50, run.Figure("connections", "requested"));
        Assert.Equal(50, run.Figure("connections", "held"));
        Assert.Equal(50, run.Figure("connections", "established"));
        Assert.Equal(0, run.Figure("connections", "failed connects"));
        Assert.Equal(0, run.Figure("connections", "reconnects"));
        Assert.Equal(50, target.GetProperty("connects").GetInt64());

        var memory = run.FigureSet("memory");
        Assert.True(run.Figure("memory", "before the load") > 0, memory.ToString());
        Assert.True(run.Figure("memory", "at most") >= run.Figure("memory", "at the start"));
        Assert.True(run.Figure("memory", "peak of the process (VmHWM)") > 0);
        var series = Assert.Single(memory.GetProperty("series").EnumerateArray());
        Assert.Equal("VmRSS", series.GetProperty("name").GetString());
        Assert.True(series.GetProperty("points").GetArrayLength() >= 2, memory.ToString());
    }

    [Fact]
    public async Task Run_MemoryFromTheManagementListener_WorkingSetSampled()
    {
        using var run = await HarnessRun.StartAsync(
            "connections", "--target", _gateway.Address.ToString(), "--connections", "5", "--rate", "20", "--duration", "1s", "--warmup", "0s",
            "--management", _gateway.ManagementAddress!.ToString(), "--api-key-file", _keyFile);

        Assert.True(run.Exit == ExitCodes.Ok, run.Output + run.Error);
        Assert.Equal(5, run.Figure("connections", "held"));
        var memory = run.FigureSet("memory");
        Assert.True(run.Figure("memory", "at the end") > 0, memory.ToString());
        Assert.Equal("working set", Assert.Single(memory.GetProperty("series").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Run_ClosedModel_UsageErrorAskingForARate()
    {
        using var run = await HarnessRun.StartAsync("connections", "--target", _gateway.Address.ToString(), "--connections", "10", "--duration", "1s");

        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.StartsWith("run: connections holds --connections open and sends on each now and then: give --rate too", run.Error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ensure_MoreFilesThanTheKernelAllows_RefusedNamingTheLimit_FewerAreFine()
    {
        Assert.Null(FileLimit.Ensure(16, out var limit));
        Assert.True(limit >= 16);

        var refused = FileLimit.Ensure(1L << 40, out var unchanged);

        Assert.NotNull(refused);
        Assert.Contains("RLIMIT_NOFILE", refused, StringComparison.Ordinal);
        Assert.Equal(limit, unchanged);
    }
}
