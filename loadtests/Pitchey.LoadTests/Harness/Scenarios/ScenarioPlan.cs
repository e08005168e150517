using Pitchey.LoadTests.Harness.ServerSide;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>What a scenario hands the run: the request mix, its timed actions, and its own server-side samplers (the run adds the database's and the stand-in's when it has them).</summary>
internal sealed record ScenarioPlan(IReadOnlyList<ScenarioRequest> Requests, IReadOnlyList<TimedAction> Actions, IReadOnlyList<IServerSideSampler> Samplers)
{
    /// <summary>The labels in order of first appearance: the report's order.</summary>
    public IReadOnlyList<string> Labels => [.. Requests.Select(request => request.Label).Distinct()];
}
