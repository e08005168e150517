using System.CommandLine;
using Pitchey.LoadTests.Benchmarks;
using Pitchey.LoadTests.Seeding;

namespace Pitchey.LoadTests.Tests.Seeding;

/// <summary>The data-set options <c>seed</c> and <c>bench</c> share: one rule, the same message from either verb.</summary>
public sealed class SeedPlanOptionsTests
{
    public static TheoryData<string, string, string> BadCounts() => new()
    {
        { "--users", "9", "--users must be at least 10, got 9" },
        { "--users", "-3", "--users must be at least 10, got -3" },
        { "--sessions", "-1", "--sessions must be at least 0, got -1" },
        { "--views", "-1", "--views must be at least 0, got -1" },
        { "--pitches", "-1", "--pitches must be at least 1, got -1" },
        { "--pitches", "many", "--pitches must be a whole number, got 'many'" },
        { "--views", "1e6", "--views must be a whole number, got '1e6'" },
        { "--sessions", "3000000000", "--sessions must be at most 2147483647, got 3000000000" },
    };

    [Theory]
    [MemberData(nameof(BadCounts))]
    public void Parse_BadCount_BenchNamesTheOption(string option, string value, string message) =>
        Assert.Equal(message, Assert.Single(new BenchCommand().Parse([option, value]).Errors).Message);

    [Theory]
    [MemberData(nameof(BadCounts))]
    public void Parse_BadCount_SeedSaysTheSame(string option, string value, string message)
    {
        // The one difference between the verbs: seed may load no pitches at all.
        var expected = message.Replace("--pitches must be at least 1", "--pitches must be at least 0", StringComparison.Ordinal);

        Assert.Equal(expected, Assert.Single(new SeedCommand().Parse([option, value]).Errors).Message);
    }

    [Fact]
    public void Parse_ZeroPitches_SeedAcceptsBenchRefuses()
    {
        Assert.Empty(new SeedCommand().Parse(["--pitches", "0"]).Errors);
        Assert.Equal("--pitches must be at least 1, got 0", Assert.Single(new BenchCommand().Parse(["--pitches", "0"]).Errors).Message);
    }

    [Fact]
    public void Parse_SeveralBadCounts_EveryOneReported()
    {
        var errors = new SeedCommand().Parse(["--users", "1", "--views", "-5"]).Errors.Select(error => error.Message);

        Assert.Equal(["--users must be at least 10, got 1", "--views must be at least 0, got -5"], errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Options_DefinedOnce_EachVerbShowsItsOwnDefault()
    {
        var seed = new SeedPlanOptions(SeedPlan.Demo, minimumPitches: 0);
        var bench = new SeedPlanOptions(SeedPlan.Benchmark, minimumPitches: 1);

        Assert.Equal(["--pitches", "--users", "--sessions", "--views"], seed.All.Select(option => option.Name));
        Assert.Equal(seed.All.Select(option => option.Name), bench.All.Select(option => option.Name));
        Assert.Equal(20_000, Default(seed.Pitches));
        Assert.Equal(1_000_000, Default(bench.Pitches));
        Assert.Contains("(at least 10)", seed.Users.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_OnlyCountsGiven_ReplaceTheScale()
    {
        var options = new SeedPlanOptions(SeedPlan.Demo, minimumPitches: 0);
        var command = new Command("test");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        var plan = options.Apply(command.Parse(["--users", "12"]), SeedPlan.Benchmark);

        Assert.Equal(SeedPlan.Benchmark with { Users = 12 }, plan);
    }

    private static int Default(Option<int> option) => new RootCommand { option }.Parse([]).GetValue(option);
}
