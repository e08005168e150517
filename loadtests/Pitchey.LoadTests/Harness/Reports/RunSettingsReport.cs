namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>What the run was asked to do, as parsed from its command line.</summary>
/// <param name="Model">"open" or "closed".</param>
/// <param name="Target">--target.</param>
/// <param name="Compare">--compare, in order (empty without).</param>
/// <param name="Rate">--rate, requests per second (open); null closed.</param>
/// <param name="Connections">Connections.</param>
/// <param name="DurationSeconds">--duration: the measured window asked for.</param>
/// <param name="WarmupSeconds">--warmup.</param>
/// <param name="MaxRequests">--max-requests.</param>
/// <param name="TimeoutMs">--timeout.</param>
/// <param name="Seed">--seed.</param>
/// <param name="SliceMs">--slice: each target's turn with --compare; null without.</param>
/// <param name="Path">--path where the scenario takes one; null otherwise.</param>
/// <param name="Thresholds">--threshold, as given.</param>
/// <param name="Baseline">--baseline; null without.</param>
internal sealed record RunSettingsReport(
    string Model,
    string Target,
    IReadOnlyList<string> Compare,
    double? Rate,
    int Connections,
    double DurationSeconds,
    double WarmupSeconds,
    long MaxRequests,
    double TimeoutMs,
    int Seed,
    double? SliceMs,
    string? Path,
    IReadOnlyList<string> Thresholds,
    string? Baseline);
