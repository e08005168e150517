using Pitchey.Gateway.Cli;

namespace Pitchey.LoadTests.Tests;

/// <summary>The tool's root command through the shared runner: the verbs it lists, its generated help, its parse errors.</summary>
public sealed class LoadTestCommandTests
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public void Create_ListsTheVerbs() =>
        Assert.Equal(["seed", "bench", "run"], LoadTestCommand.Create().Subcommands.Select(command => command.Name));

    [Theory]
    [InlineData("seed", "--tokens-file <path>")]
    [InlineData("bench", "--skip-unindexed")]
    public async Task Run_Help_GeneratedWithTheSharedOptions(string verb, string own)
    {
        var exit = await RunAsync(verb, "--help");

        Assert.Equal(ExitCodes.Ok, exit);
        var help = _output.ToString();
        Assert.Contains(own, help, StringComparison.Ordinal);
        foreach (var shared in new[] { "--pitches <N>", "--users <N>", "--sessions <N>", "--views <N>", "--connection <npgsql>", "--config-dir <dir>" })
        {
            Assert.Contains(shared, help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_BadCount_Usage_ErrorNamesTheOptionAndPointsToHelp()
    {
        var exit = await RunAsync("seed", "--users", "5");

        Assert.Equal(ExitCodes.Usage, exit);
        var lines = _error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith(" seed: --users must be at least 10, got 5", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(" seed --help'", lines[1], StringComparison.Ordinal);
        Assert.Empty(_output.ToString());
    }

    [Fact]
    public async Task Run_UnknownVerb_Usage()
    {
        var exit = await RunAsync("frobnicate");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Unrecognized command or argument 'frobnicate'.", _error.ToString(), StringComparison.Ordinal);
    }

    private Task<int> RunAsync(params string[] args) =>
        CliRunner.RunAsync(LoadTestCommand.Create(), args, new CliConsole(_output, _error, Interactive: false), CancellationToken.None);
}
