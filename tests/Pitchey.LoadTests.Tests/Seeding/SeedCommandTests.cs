using Pitchey.Gateway.Cli;
using Pitchey.LoadTests.Seeding;

namespace Pitchey.LoadTests.Tests.Seeding;

public sealed class SeedCommandTests
{
    private readonly SeedCommand _command = new();

    [Fact]
    public void Bind_Options_BuildThePlan()
    {
        var parse = _command.Parse(
            ["--pitches", "1000000", "--users", "100000", "--sessions", "7", "--views", "0", "--hashed-tokens", "--connection", "Host=x", "--tokens-file", "t.txt", "--reset"]);
        Assert.Empty(parse.Errors);

        var arguments = _command.Bind(parse);

        Assert.Equal(new SeedPlan(Users: 100_000, Pitches: 1_000_000, Sessions: 7, Views: 0, HashedTokens: true), arguments.Plan);
        Assert.Equal("t.txt", arguments.TokensFile);
        Assert.True(arguments.Reset);
        Assert.Equal("Host=x", parse.GetValue(CommonOptions.Connection));
    }

    [Fact]
    public void Bind_NoOptions_TheDemoDataSet()
    {
        var arguments = _command.Bind(_command.Parse([]));

        Assert.Equal(SeedPlan.Demo, arguments.Plan);
        Assert.Null(arguments.TokensFile);
        Assert.False(arguments.Reset);
    }

    [Theory]
    [InlineData("--benchmark-scale", "--views", "0")]
    [InlineData("--views", "0", "--benchmark-scale")]
    public void Bind_BenchmarkScale_CountsGivenStillWin(string first, string second, string third)
    {
        var arguments = _command.Bind(_command.Parse([first, second, third, "--hashed-tokens"]));

        Assert.Equal(SeedPlan.Benchmark with { Views = 0, HashedTokens = true }, arguments.Plan);
    }

    [Fact]
    public void Parse_ZeroPitchesSessionsAndViews_Accepted()
    {
        var parse = _command.Parse(["--pitches", "0", "--sessions", "0", "--views", "0", "--users", "10"]);

        Assert.Empty(parse.Errors);
        Assert.Equal(new SeedPlan(Users: 10, Pitches: 0, Sessions: 0, Views: 0), _command.Bind(parse).Plan);
    }

    [Theory]
    [InlineData("--tokens-file")]
    [InlineData("--connection")]
    [InlineData("--config-dir")]
    public void Parse_ValueMissing_NamesTheOption(string option)
    {
        var error = Assert.Single(_command.Parse([option]).Errors);

        Assert.Contains($"'{option}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownOption_NamesIt()
    {
        var errors = _command.Parse(["--bogus", "1"]).Errors;

        Assert.Contains(errors, error => error.Message == "Unrecognized command or argument '--bogus'.");
    }
}
