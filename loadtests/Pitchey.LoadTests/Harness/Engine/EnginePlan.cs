namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>Everything the engine needs for one run, checked by the command line before it gets here.</summary>
/// <param name="Model">Open (rate) or closed (as fast as possible).</param>
/// <param name="Rate">Requests per second over all connections (open model); ignored when closed.</param>
/// <param name="Connections">Connections, each with one request in flight at most.</param>
/// <param name="Warmup">Load before the measured window; its results are discarded.</param>
/// <param name="Duration">The measured window.</param>
/// <param name="MaxRequests">Requests the run may send at most, warm-up included; reaching it ends the window early.</param>
/// <param name="Timeout">Longest wait for one whole response, connecting included.</param>
/// <param name="Seed">Seed of every connection's random choice of request.</param>
/// <param name="Targets">Where to send: one, or several taking turns in <paramref name="Slice"/>s.</param>
/// <param name="Slice">How long each target holds the turn when there are several.</param>
/// <param name="Labels">The request labels; series index = target × labels + label.</param>
/// <param name="Observer">Sees every completed request, for a scenario's own figures; null: none.</param>
internal sealed record EnginePlan(
    LoadModel Model,
    double Rate,
    int Connections,
    TimeSpan Warmup,
    TimeSpan Duration,
    long MaxRequests,
    TimeSpan Timeout,
    int Seed,
    IReadOnlyList<EngineTarget> Targets,
    TimeSpan Slice,
    IReadOnlyList<string> Labels,
    IRequestObserver? Observer = null)
{
    public int SeriesCount => Targets.Count * Labels.Count;

    public int Series(int target, int label) => (target * Labels.Count) + label;
}
