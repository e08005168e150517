using Pitchey.Gateway.Cli;

namespace Pitchey.Gateway.Tests.Cli;

public sealed class VerbsTests
{
    [Theory]
    [InlineData("seed")]
    [InlineData("bench")]
    [InlineData("help")]
    public async Task RunAsync_UnknownVerb_Exits64ListingTheVerbs(string verb)
    {
        using var error = new StringWriter();

        var exit = await Verbs.RunAsync([verb, "--pitches", "10"], new CliConsole(TextWriter.Null, error, Interactive: false), CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal($"unknown verb '{verb}'. Verbs: serve, migrate, probe", error.ToString().Trim());
    }

    [Theory]
    [InlineData("")]
    [InlineData("--urls http://127.0.0.1:0")]
    [InlineData("serve --urls http://127.0.0.1:0 --Proxy:Enabled=false")]
    public async Task TryRunAsync_NoVerbOrServe_LeavesTheArgumentsToTheHost(string line) =>
        Assert.Null(await Verbs.TryRunAsync(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public void ServeArguments_DropOnlyTheVerb()
    {
        Assert.Equal(["--urls", "http://x", "--Section:Key=value"], Verbs.ServeArguments(["serve", "--urls", "http://x", "--Section:Key=value"]));
        Assert.Equal(["--urls", "http://x"], Verbs.ServeArguments(["--urls", "http://x"]));
    }
}
