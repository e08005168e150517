using Pitchey.LoadTests.Harness.ServerSide;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// <c>probe-storm</c>: what load balancers and Kubernetes do to the gateway, many times over: its four
/// health endpoints in equal shares. Server side: the gateway's health-check runs during the window
/// (the report's <c>sequence</c> at <c>/api/health/detailed</c> on the management listener, read with
/// <c>--management</c> and its key); the goal is at most one run per cache TTL whatever the probe rate.
/// </summary>
internal sealed class ProbeStormScenario : IScenario
{
    public const string ScenarioName = "probe-storm";

    /// <summary>Label and path of each probe, one share each.</summary>
    public static readonly IReadOnlyList<(string Label, string Path)> Probes =
    [
        ("ready", "/health/ready"),
        ("live", "/health/live"),
        ("api-health", "/api/health"),
        ("health", "/health"),
    ];

    public string Name => ScenarioName;

    public string Description => "the gateway's health endpoints (/health/ready, /health/live, /api/health, /health) in equal shares";

    public string? Validate(Run.RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Compare.Count > 0 ? "--compare is for pass-through; probe-storm measures one gateway"
            : settings.Path is not null ? "--path is for pass-through; probe-storm sends the four health paths"
            : null;
    }

    public Task<ScenarioPlan> PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requests = Probes.Select(probe => new ScenarioRequest(probe.Label, 1, HttpRequestTemplate.Get(probe.Path))).ToList();
        IServerSideSampler[] samplers = context is { Management: { } management, Settings.Management: { } address }
            ? [JsonCounterSampler.HealthChecks(management, address)]
            : [new UnavailableSampler("health-checks", "health-check runs of the gateway", "pass --management <url> and the API key to count the health-check runs")];
        return Task.FromResult(new ScenarioPlan(requests, [], samplers));
    }
}
