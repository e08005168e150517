using Pitchey.LoadTests.Harness.Watches;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// <c>soak</c>: a steady mixed load for a long time (<see cref="DefaultDuration"/> unless
/// <c>--duration</c> says otherwise): the tuned reads (<see cref="TunedReads"/>, parameters from the
/// database when one is given) with forwarded GETs and readiness probes beside them. The report:
/// the drift of p50 and p99 between the first and the last tenth of the window
/// (<see cref="DriftWatch"/>), the per-second timeline, and the gateway's memory over time
/// (<see cref="MemorySampler"/>).
/// </summary>
internal sealed class SoakScenario : IScenario
{
    public const string ScenarioName = "soak";

    public const string Forwarded = "forwarded";

    public const string Ready = "ready";

    /// <summary>Of the mix, the forwarded GETs' and the probes' shares; the tuned reads have the rest.</summary>
    public const double ForwardedShare = 0.1, ReadyShare = 0.1;

    public string Name => ScenarioName;

    public string Description =>
        "a steady mix (tuned reads, forwarded GETs, probes) for a long time (default 1 h): drift of p50/p99 from the first to the last tenth, the gateway's memory";

    public TimeSpan? DefaultDuration => TimeSpan.FromHours(1);

    public string? Validate(Run.RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ScenarioChecks.OneTarget(settings, ScenarioName) ?? ScenarioChecks.PathShape(settings);
    }

    public async Task<ScenarioPlan> PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var labels = TunedReads.Shares.Select(share => share.Label).ToList();
        var (tuned, _) = await TunedReadsPlan.PrepareAsync(context, labels, ScenarioName, databaseRequired: false, cancellationToken);
        var tunedShare = 1 - ForwardedShare - ReadyShare;
        var weight = tuned.Sum(request => request.Weight);
        List<ScenarioRequest> requests =
        [
            .. tuned.Select(request => request with { Weight = tunedShare * request.Weight / weight }),
            new(Forwarded, ForwardedShare, HttpRequestTemplate.Get(context.Settings.Path ?? PassThroughScenario.DefaultPath)),
            new(Ready, ReadyShare, HttpRequestTemplate.Get("/health/ready")),
        ];
        var memory = await MemorySampler.CreateAsync(context, null, cancellationToken);
        return new ScenarioPlan(requests, [], [], [new DriftWatch(context.Events, context.Settings.Duration), memory]);
    }
}
