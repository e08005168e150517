namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>Every scenario <c>run</c> knows, in the order <c>run --help</c> lists them.</summary>
internal static class ScenarioRegistry
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new ProbeStormScenario(),
        new PassThroughScenario(),
        new HotReadsScenario(),
        new BreakerScenario(),
        new FailoverScenario(),
        new ConnectionsScenario(),
        new SoakScenario(),
        new CacheWarmScenario(),
        new CachePerUserScenario(),
        new CacheColdScenario(),
    ];

    public static IReadOnlyList<string> Names => [.. All.Select(scenario => scenario.Name)];

    public static IScenario? Find(string name) => All.FirstOrDefault(scenario => scenario.Name == name);
}
