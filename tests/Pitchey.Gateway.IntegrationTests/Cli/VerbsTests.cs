using Pitchey.Gateway.Cli;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Cli;

/// <summary>
/// The gateway executable as an operator runs it: <c>dotnet Pitchey.Gateway.dll &lt;verb&gt;</c>.
/// <c>seed</c> and <c>bench</c> left it for the load-test tool; it knows them no more than any other word.
/// </summary>
public sealed class VerbsTests
{
    [Theory]
    [InlineData("seed")]
    [InlineData("bench")]
    [InlineData("frobnicate")]
    public async Task Gateway_UnknownVerb_Exits64ListingTheVerbs(string verb)
    {
        var (exit, output, error) = await ToolProcess.RunAsync(ToolProcess.Gateway, [verb, "--users", "10"]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"unknown verb '{verb}'", error, StringComparison.Ordinal);
        Assert.Contains("Verbs: serve, migrate, probe", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }
}
