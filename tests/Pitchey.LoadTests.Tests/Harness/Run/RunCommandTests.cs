using System.CommandLine;
using Pitchey.Gateway.Cli;
using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Run;

namespace Pitchey.LoadTests.Tests.Harness.Run;

/// <summary><c>run</c>'s command line, parsed without running: the model it picks, its bounds, and the usage errors that name their option.</summary>
public sealed class RunCommandTests
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public void Bind_RateOrNothing_OpenModel_ConnectionsAlone_Closed()
    {
        var open = Bind("run", "probe-storm", "--target", "http://127.0.0.1:8080", "--rate", "5000");
        var defaults = Bind("run", "pass-through", "--target", "http://localhost:5080");
        var closed = Bind("run", "pass-through", "--target", "http://[::1]:5080", "--connections", "64");
        var both = Bind("run", "pass-through", "--target", "http://127.0.0.2:5080", "--connections", "8", "--rate", "100");

        Assert.Equal((LoadModel.Open, 5000.0, 32), (open.Model, open.Rate, open.Connections));
        Assert.Equal((LoadModel.Open, 1000.0, 32), (defaults.Model, defaults.Rate, defaults.Connections));
        Assert.Equal((LoadModel.Closed, 0.0, 64), (closed.Model, closed.Rate, closed.Connections));
        Assert.Equal((LoadModel.Open, 100.0, 8), (both.Model, both.Rate, both.Connections));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)), (open.Duration, open.Warmup, open.Timeout));
    }

    [Fact]
    public void Bind_EveryOption_Read()
    {
        var settings = Bind(
            "run", "pass-through", "--target", "http://127.0.0.1:8080/", "--compare", "http://127.0.0.1:5080", "http://127.0.0.1:5181",
            "--duration", "2m", "--warmup", "0s", "--threshold", "p99<5ms", "--thresholds", "errors<0.1%", "--out", "dir", "--baseline", "old.json",
            "--baseline-tolerance", "12.5", "--max-requests", "5000", "--timeout", "250ms", "--seed", "7", "--slice", "500ms",
            "--standin", "http://127.0.0.1:5080", "--path", "/api/x", "--tokens-file", "t.txt");

        Assert.Equal(["http://127.0.0.1:8080/", "http://127.0.0.1:5080/", "http://127.0.0.1:5181/"], settings.Targets.Select(uri => uri.ToString()));
        Assert.Equal((TimeSpan.FromMinutes(2), TimeSpan.Zero, TimeSpan.FromMilliseconds(250)), (settings.Duration, settings.Warmup, settings.Timeout));
        Assert.Equal(["p99<5ms", "errors<0.1%"], settings.Thresholds.Select(threshold => threshold.Expression));
        Assert.Equal(("dir", "old.json", 12.5, 5000L, 7), (settings.Out, settings.Baseline, settings.BaselineTolerance, settings.MaxRequests, settings.Seed));
        Assert.Equal((TimeSpan.FromMilliseconds(500), "/api/x", "t.txt"), (settings.Slice, settings.Path, settings.TokensFile));
        Assert.Equal("http://127.0.0.1:5080/", settings.StandIn?.ToString());
    }

    [Theory]
    [InlineData("--target", "http://10.0.0.7:8080", "run: --target must be a loopback address (127.0.0.0/8, ::1 or localhost): load goes to this machine only, got 'http://10.0.0.7:8080'")]
    [InlineData("--target", "http://example.com", "run: --target must be a loopback address (127.0.0.0/8, ::1 or localhost): load goes to this machine only, got 'http://example.com'")]
    [InlineData("--target", "https://127.0.0.1:8443", "run: --target must be an http:// address on this machine, got 'https://127.0.0.1:8443'")]
    [InlineData("--compare", "http://192.168.1.2", "run: --compare must be a loopback address (127.0.0.0/8, ::1 or localhost): load goes to this machine only, got 'http://192.168.1.2'")]
    [InlineData("--standin", "http://172.16.0.1:5080", "run: --standin must be a loopback address (127.0.0.0/8, ::1 or localhost): load goes to this machine only, got 'http://172.16.0.1:5080'")]
    [InlineData("--duration", "25h", "run: --duration must be between 100ms and 24h, got '25h'")]
    [InlineData("--duration", "soon", "run: --duration must be a duration such as 500ms, 30s, 5m (got 'soon')")]
    [InlineData("--rate", "0", "run: --rate must be at least 1, got 0")]
    [InlineData("--connections", "100001", "run: --connections must be at most 100000, got 100001")]
    [InlineData("--max-requests", "0", "run: --max-requests must be a whole number from 1 to 10000000000, got '0'")]
    [InlineData("--threshold", "p99<5", "run: --threshold: threshold 'p99<5': a latency needs a unit (us, ms or s), e.g. p99<5ms")]
    public async Task Run_BadValue_UsageErrorNamingTheOption(string option, string value, string message)
    {
        var arguments = option == "--target"
            ? new[] { "run", "pass-through", option, value }
            : ["run", "pass-through", "--target", "http://127.0.0.1:9", option, value];

        var exit = await RunAsync(arguments);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.EndsWith(" " + message, _error.ToString().Split(Environment.NewLine)[0], StringComparison.Ordinal); // after the command path
        Assert.Empty(_output.ToString());
    }

    [Fact]
    public async Task Run_UnknownScenario_UsageListsTheKnownOnes()
    {
        var exit = await RunAsync("run", "stampede", "--target", "http://127.0.0.1:9");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(" run: unknown scenario 'stampede'; known: probe-storm, pass-through", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CompareWithProbeStorm_UsageBeforeAnyLoad()
    {
        var exit = await RunAsync("run", "probe-storm", "--target", "http://127.0.0.1:9", "--compare", "http://127.0.0.1:10");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("run: --compare is for pass-through; probe-storm measures one gateway", _error.ToString().Trim());
    }

    [Fact]
    public async Task Run_Help_ListsTheOptionsAndScenarios()
    {
        Assert.Equal(ExitCodes.Ok, await RunAsync("run", "--help"));

        var help = _output.ToString();
        foreach (var text in new[] { "--target <url>", "--rate <N>", "--connections <N>", "--duration <duration>", "--warmup <duration>", "--out <dir>",
            "--threshold, --thresholds <expr>", "--baseline <file>", "--compare <url>", "--max-requests <N>", "--timeout <duration>", "--seed <N>",
            "--standin <url>", "--path <path>", "--connection <npgsql>", "probe-storm:", "pass-through:" })
        {
            Assert.Contains(text, help, StringComparison.Ordinal);
        }
    }

    private static RunSettings Bind(params string[] arguments)
    {
        var root = LoadTestCommand.Create();
        var parse = root.Parse(arguments);
        Assert.Empty(parse.Errors);
        return ((RunCommand)root.Subcommands.Single(command => command.Name == RunCommand.CommandName)).Bind(parse);
    }

    private Task<int> RunAsync(params string[] args) =>
        CliRunner.RunAsync(LoadTestCommand.Create(), args, new CliConsole(_output, _error, Interactive: false), CancellationToken.None);
}
