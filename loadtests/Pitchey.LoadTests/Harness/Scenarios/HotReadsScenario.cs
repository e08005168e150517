using Pitchey.LoadTests.Harness.Watches;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// <c>hot-reads</c>: the tuned read endpoints as the frontend calls them, in a weighted mix with
/// parameters drawn from the database (<see cref="TunedReads"/>): browse (genres, formats, sorts,
/// offsets, cursors), search for common and rare title words, the session (cookie), the creator
/// dashboard (creators' tokens from <c>--tokens-file</c>) and the platform stats, one label each.
/// Server side: the database's transactions and statements (the run's PostgreSQL sampler) and
/// requests per database query per endpoint (<see cref="QueryFigures"/>).
/// </summary>
internal sealed class HotReadsScenario : IScenario
{
    public const string ScenarioName = "hot-reads";

    public string Name => ScenarioName;

    public string Description =>
        "the tuned reads as the frontend makes them (browse, search common and rare words, session, creator dashboard, stats), parameters from the database (--connection, --tokens-file)";

    public string? Validate(Run.RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ScenarioChecks.OneTarget(settings, ScenarioName) ?? ScenarioChecks.NoPath(settings, ScenarioName);
    }

    public async Task<ScenarioPlan> PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var labels = TunedReads.Shares.Select(share => share.Label).ToList();
        var (requests, notes) = await TunedReadsPlan.PrepareAsync(context, labels, ScenarioName, databaseRequired: true, cancellationToken);
        return new ScenarioPlan(requests, [], [], [new QueryFigures(notes)]);
    }
}
