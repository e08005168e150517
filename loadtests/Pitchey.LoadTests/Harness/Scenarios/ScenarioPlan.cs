using Pitchey.LoadTests.Harness.ServerSide;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>What a scenario hands the run: the request mix, its timed actions, its own server-side samplers (the run adds the database's and the stand-in's when it has them), and its own figures.</summary>
/// <param name="Requests">The weighted, labelled requests.</param>
/// <param name="Actions">What happens to the system during the window.</param>
/// <param name="Samplers">Server-side counts read at both ends of the window.</param>
/// <param name="Figures">The scenario's own figures (observers of every request, pollers); none by default.</param>
internal sealed record ScenarioPlan(
    IReadOnlyList<ScenarioRequest> Requests,
    IReadOnlyList<TimedAction> Actions,
    IReadOnlyList<IServerSideSampler> Samplers,
    IReadOnlyList<IScenarioFigures>? Figures = null)
{
    /// <summary>The labels in order of first appearance: the report's order.</summary>
    public IReadOnlyList<string> Labels => [.. Requests.Select(request => request.Label).Distinct()];
}
