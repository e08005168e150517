using Pitchey.Gateway.Cli;
using Pitchey.Testing.Postgres;

namespace Pitchey.LoadTests.IntegrationTests;

/// <summary><c>seed</c> and <c>bench</c> left the server: the gateway executable no longer knows them.</summary>
public sealed class MovedVerbsTests
{
    [Theory]
    [InlineData("seed")]
    [InlineData("bench")]
    public async Task Gateway_SeedOrBench_UnknownVerb(string verb)
    {
        var (exit, output, error) = await ToolProcess.RunAsync(ToolProcess.Gateway, [verb, "--users", "10"]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"unknown verb '{verb}'", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }
}
