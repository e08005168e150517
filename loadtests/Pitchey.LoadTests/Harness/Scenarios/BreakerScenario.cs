using System.Net.Http.Json;
using Pitchey.LoadTests.Harness.Watches;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// <c>breaker</c>: forwarded GETs (<c>--path</c>, default <see cref="PassThroughScenario.DefaultPath"/>)
/// through the gateway while its upstream, the stand-in (<c>--standin</c>), fails every request from
/// <see cref="FaultsOnAt"/> to <see cref="FaultsOffAt"/> of the window. The report
/// (<see cref="BreakerWatch"/>) shows the answers before, during and after the faults, the breaker
/// opening (503 with Retry-After), the rejections' latency, what reached the upstream while it was
/// open, and the time to recover once the upstream healed; with <c>--management</c> also the
/// gateway's own breaker states. The window must outlast the faults plus the cluster's break duration
/// (<c>Resilience:Clusters:api:BreakDuration</c>, 15 s by default) for the recovery to be seen.
/// </summary>
internal sealed class BreakerScenario : IScenario
{
    public const string ScenarioName = "breaker";

    public const string Label = "forwarded";

    public const double FaultsOnAt = 0.25;

    public const double FaultsOffAt = 0.6;

    /// <summary>What the stand-in is switched to: every answer a 500, a failure to every breaker.</summary>
    public static readonly object Faults = new { errorRate = 1.0, status = 500 };

    public string Name => ScenarioName;

    public string Description =>
        "forwarded GETs while the stand-in (--standin) fails every request from 25 % to 60 % of the window: the breaker opening, its rejections, the recovery";

    public string? Validate(Run.RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.StandIn is null ? "breaker switches the upstream's faults: give --standin <url> (the stand-in API behind the gateway)"
            : ScenarioChecks.OneTarget(settings, ScenarioName) ?? ScenarioChecks.PathShape(settings);
    }

    public Task<ScenarioPlan> PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var standIn = context.Settings.StandIn!;
        var faults = new Uri(standIn, "/_standin/faults");
        var watch = new BreakerWatch(context.Events, context.Control, standIn, context.Management, context.Settings.Management, async ct =>
        {
            using var response = await context.Control.DeleteAsync(faults, ct);
            response.EnsureSuccessStatusCode();
        });
        var request = new ScenarioRequest(Label, 1, HttpRequestTemplate.Get(context.Settings.Path ?? PassThroughScenario.DefaultPath));
        TimedAction[] actions =
        [
            new(FaultsOnAt, "faults on", async ct =>
            {
                watch.FaultsOn();
                using var response = await context.Control.PutAsJsonAsync(faults, Faults, ct);
                response.EnsureSuccessStatusCode();
                return "every upstream answer a 500";
            }),
            new(FaultsOffAt, "faults off", async ct =>
            {
                await watch.ClearFaultsAsync(ct);
                return "the upstream answers again";
            }),
        ];
        return Task.FromResult(new ScenarioPlan([request], actions, [], [watch]));
    }
}
