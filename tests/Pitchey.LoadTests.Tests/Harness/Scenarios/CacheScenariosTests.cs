using System.CommandLine;
using Pitchey.LoadTests.Harness.Run;
using Pitchey.LoadTests.Harness.Scenarios;

namespace Pitchey.LoadTests.Tests.Harness.Scenarios;

/// <summary>The cache scenarios' plans, without a run: warm ones repeat a few keys, the cold one never repeats a key, and all refuse pass-through's options.</summary>
public sealed class CacheScenariosTests
{
    [Fact]
    public async Task Warm_FourLabels_EachAQuarterOfTheLoad_OverFewKeys()
    {
        var plan = await new CacheWarmScenario().PrepareAsync(Context("cache-warm"), CancellationToken.None);

        Assert.Equal(["browse", "search", "stats", "public"], plan.Labels);
        Assert.All(plan.Labels, label => Assert.Equal(1.0, plan.Requests.Where(r => r.Label == label).Sum(r => r.Weight), 9));
        Assert.InRange(plan.Requests.Count, 4, 20);
        Assert.All(plan.Requests, r => Assert.Null(r.Request.Headers));
    }

    [Fact]
    public async Task Cold_EveryVariantIsAnotherKey()
    {
        var plan = await new CacheColdScenario().PrepareAsync(Context("cache-cold"), CancellationToken.None);

        Assert.Equal(CacheColdScenario.Variants, plan.Requests.Count);
        Assert.Equal(CacheColdScenario.Variants, plan.Requests.Select(r => r.Request.Path).Distinct(StringComparer.Ordinal).Count());
        Assert.All(plan.Requests, r => Assert.StartsWith("/api/pitches/browse/enhanced?", r.Request.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PerUser_WithoutADatabase_SaysItNeedsOne()
    {
        // A ScenarioException: run prints it as a usage error (exit 64), not as an unhandled exception.
        var error = await Assert.ThrowsAsync<ScenarioException>(() => new CachePerUserScenario().PrepareAsync(Context("cache-per-user"), CancellationToken.None));

        Assert.Contains("--connection", error.Message, StringComparison.Ordinal);
        Assert.Equal(Pitchey.Gateway.Cli.ExitCodes.Usage, error.ExitCode);
    }

    [Theory]
    [InlineData("cache-warm")]
    [InlineData("cache-per-user")]
    [InlineData("cache-cold")]
    public void Validate_PassThroughsOptions_AreRefused(string name)
    {
        var scenario = ScenarioRegistry.All.Single(s => s.Name == name);

        Assert.Null(scenario.Validate(Bind(name)));
        Assert.Equal($"--compare is for pass-through; {name} measures one gateway", scenario.Validate(Bind(name, "--compare", "http://127.0.0.1:5080")));
        Assert.Equal($"--path is for pass-through; {name} sends its own paths", scenario.Validate(Bind(name, "--path", "/api/x")));
    }

    private static ScenarioContext Context(string name) => new(Bind(name), new HttpClient(), null, new RunEvents());

    private static RunSettings Bind(string scenario, params string[] more)
    {
        var root = LoadTestCommand.Create();
        var parse = root.Parse(["run", scenario, "--target", "http://127.0.0.1:8080", .. more]);
        Assert.Empty(parse.Errors);
        return ((RunCommand)root.Subcommands.Single(command => command.Name == RunCommand.CommandName)).Bind(parse);
    }
}
