using System.Globalization;
using Pitchey.Testing.Postgres;

namespace Pitchey.LoadTests.IntegrationTests.Harness;

/// <summary>
/// <c>soak</c>, cut to a few seconds, against a real gateway on a seeded database: the tuned reads,
/// forwarded GETs and probes all sent; the first and last tenths of the window timed apart; the
/// gateway's memory (this process) sampled. Counts only.
/// </summary>
public sealed class SoakRunTests(TunedReadsEnvironment environment) : IClassFixture<TunedReadsEnvironment>, IDisposable
{
    private readonly SettingsFolder _settings = SettingsFolder.Create(environment.Primary.ConnectionString);

    public void Dispose() => _settings.Dispose();

    [Fact]
    public async Task Run_ShortSoak_MixSentDriftPartsTimedAndMemorySampled()
    {
        using var run = await HarnessRun.StartAsync(
            "soak", "--target", environment.Gateway.Address.ToString(), "--config-dir", _settings.Path,
            "--rate", "200", "--connections", "4", "--duration", "2s", "--warmup", "0s",
            "--target-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

        var target = run.AssertOneTargetAddsUp(400);
        var total = target.GetProperty("total");
        var labels = target.GetProperty("labels").EnumerateArray().Select(label => label.GetProperty("label").GetString()).ToList();
        Assert.Contains("browse", labels);
        Assert.Contains("forwarded", labels);
        Assert.Contains("ready", labels);

        // Without --tokens-file no session is sent; the rest of the mix is.
        Assert.DoesNotContain("session", labels);
        var parts = run.FigureSet("soak").GetProperty("latencies").EnumerateArray()
            .ToDictionary(part => part.GetProperty("name").GetString()!, part => part.GetProperty("latency").GetProperty("count").GetInt64());
        Assert.Equal(["first tenth", "last tenth"], parts.Keys);
        Assert.All(parts, part => Assert.True(part.Value > 0, $"nothing timed in the {part.Key}"));
        Assert.True(parts.Values.Sum() < total.GetProperty("sent").GetInt64());
        Assert.NotNull(run.Figure("soak", "p99 drift"));
        Assert.True(run.Figure("memory", "at most") > 0, run.FigureSet("memory").ToString());
    }
}
