namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// A named load: which requests, in which mix, what happens to the system meanwhile, and which
/// server-side counts belong beside the client's. The engine does the rest (pacing, connections,
/// recording), the same for every scenario. To add one, implement this in a class of its own and
/// list it in <see cref="ScenarioRegistry.All"/>.
/// </summary>
internal interface IScenario
{
    /// <summary>What <c>run &lt;scenario&gt;</c> takes, e.g. "probe-storm".</summary>
    string Name { get; }

    /// <summary>One line for <c>run --help</c> and the report.</summary>
    string Description { get; }

    /// <summary>The measured window when <c>--duration</c> is not given; null: the run's default (30 s). A soak runs long.</summary>
    TimeSpan? DefaultDuration => null;

    /// <summary>Options this scenario cannot honour (e.g. <c>--compare</c>), as a usage message naming the option; null when all is well.</summary>
    string? Validate(Run.RunSettings settings);

    /// <summary>Builds the plan; may read the database (real parameters) or call the targets' control endpoints. Throws <see cref="ScenarioException"/> when it cannot.</summary>
    Task<ScenarioPlan> PrepareAsync(ScenarioContext context, CancellationToken cancellationToken);
}
