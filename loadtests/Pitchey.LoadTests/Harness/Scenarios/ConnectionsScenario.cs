using Pitchey.Gateway.Cli;
using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Watches;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// <c>connections</c>: <c>--connections N</c> keep-alive connections opened before the clock and
/// held for the whole run, each sending a cheap GET (<c>--path</c>, default <see cref="DefaultPath"/>)
/// now and then: the open model's rate spread over them (<c>--connections 10000 --rate 1000</c>: one
/// request per connection every 10 s). The process's open-file limit is raised to fit
/// (<see cref="FileLimit"/>). The report (<see cref="ConnectionsWatch"/>): connections established,
/// held, failed, the errors, and the gateway's memory (<see cref="MemorySampler"/>: <c>--target-pid</c>
/// or <c>--management</c>).
/// </summary>
internal sealed class ConnectionsScenario : IScenario
{
    public const string ScenarioName = "connections";

    public const string DefaultPath = "/health/live";

    public const string Label = "cheap";

    public string Name => ScenarioName;

    public string Description =>
        "--connections keep-alive connections held open for the run, each sending a cheap GET now and then (--rate over all): connections held, errors, the gateway's memory";

    public string? Validate(Run.RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Model != LoadModel.Open
            ? "connections holds --connections open and sends on each now and then: give --rate too (e.g. --connections 10000 --rate 1000: one request per connection every 10 s)"
            : ScenarioChecks.OneTarget(settings, ScenarioName) ?? ScenarioChecks.PathShape(settings);
    }

    public async Task<ScenarioPlan> PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connections = context.Settings.Connections * context.Settings.Targets.Count;
        if (FileLimit.Ensure(connections + FileLimit.Headroom, out _) is { } limit)
        {
            throw new ScenarioException($"connections: {connections:#,0} connections cannot be held: {limit}", ExitCodes.Config);
        }

        var memory = await MemorySampler.CreateAsync(context, connections, cancellationToken);
        var request = new ScenarioRequest(Label, 1, HttpRequestTemplate.Get(context.Settings.Path ?? DefaultPath));
        return new ScenarioPlan([request], [], [], [new ConnectionsWatch(), memory]);
    }
}
