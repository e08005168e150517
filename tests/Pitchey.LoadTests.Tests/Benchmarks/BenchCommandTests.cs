using Pitchey.Gateway.Cli;
using Pitchey.LoadTests.Benchmarks;
using Pitchey.LoadTests.Seeding;

namespace Pitchey.LoadTests.Tests.Benchmarks;

public sealed class BenchCommandTests
{
    private readonly BenchCommand _command = new();

    [Fact]
    public void Bind_NoOptions_TheBenchmarkScaleAndDefaults()
    {
        var arguments = _command.Bind(_command.Parse([]));

        Assert.Equal(new BenchArguments(SeedPlan.Benchmark, Iterations: 200, SkipSeed: false, SkipUnindexed: false, Out: null), arguments);
    }

    [Fact]
    public void Bind_EveryOption_Read()
    {
        var parse = _command.Parse(
        [
            "--pitches", "5000", "--users", "10", "--sessions", "0", "--views", "0", "--iterations", "7",
            "--skip-seed", "--skip-unindexed", "--out", "report.md", "--connection", "Host=x", "--config-dir", "cfg",
        ]);
        Assert.Empty(parse.Errors);

        var arguments = _command.Bind(parse);

        Assert.Equal(new BenchArguments(new SeedPlan(10, 5_000, 0, 0), 7, SkipSeed: true, SkipUnindexed: true, Out: "report.md"), arguments);
        Assert.Equal("Host=x", parse.GetValue(CommonOptions.Connection));
        Assert.Equal("cfg", parse.GetValue(CommonOptions.ConfigDir));
    }

    [Fact]
    public void Parse_FewerThanTenUsers_RefusedNotRaised()
    {
        // The old hand parser turned --users 3 into 10 without a word.
        Assert.Equal("--users must be at least 10, got 3", Assert.Single(_command.Parse(["--users", "3"]).Errors).Message);
    }

    [Theory]
    [InlineData("0", "--iterations must be at least 1, got 0")]
    [InlineData("ten", "--iterations must be a whole number, got 'ten'")]
    public void Parse_BadIterations_NamesTheOption(string value, string message) =>
        Assert.Equal(message, Assert.Single(_command.Parse(["--iterations", value]).Errors).Message);
}
