using Pitchey.Gateway.Cli;

namespace Pitchey.Gateway.Tests.TunedEndpoints;

public sealed class SeedVerbTests
{
    [Fact]
    public void TryParse_Options_BuildThePlan()
    {
        Assert.True(SeedVerb.TryParse(
            ["--pitches", "1000000", "--users", "100000", "--sessions", "7", "--views", "0", "--hashed-tokens", "--connection", "Host=x", "--tokens-file", "t.txt"],
            out var options, out var error), error);

        Assert.Equal(1_000_000, options.Plan.Pitches);
        Assert.Equal(100_000, options.Plan.Users);
        Assert.Equal(7, options.Plan.Sessions);
        Assert.Equal(0, options.Plan.Views);
        Assert.True(options.Plan.HashedTokens);
        Assert.Equal("Host=x", options.Connection);
        Assert.Equal("t.txt", options.TokensFile);
    }

    [Theory]
    [InlineData("--pitches", "many", "--pitches")]
    [InlineData("--users", "-3", "--users")]
    [InlineData("--users", "5", "--users")]
    [InlineData("--bogus", "1", "--bogus")]
    public void TryParse_BadOption_NamesIt(string option, string value, string named)
    {
        Assert.False(SeedVerb.TryParse([option, value], out _, out var error));
        Assert.Contains(named, error, StringComparison.Ordinal);
    }
}
