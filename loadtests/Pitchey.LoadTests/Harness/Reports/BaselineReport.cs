namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>
/// The comparison with an earlier report (<c>--baseline FILE</c>). It fails when a key figure is worse
/// by more than the tolerance (latencies up, rate down by more than <see cref="TolerancePercent"/> %;
/// errors up by more than 0.1 percentage points) or when a threshold that held in the baseline no longer holds.
/// </summary>
/// <param name="File">The baseline report's path as given.</param>
/// <param name="TolerancePercent">Allowed worsening of p50, p99 and rps, in %.</param>
/// <param name="Passed">Nothing regressed.</param>
/// <param name="Deltas">Key figures side by side.</param>
/// <param name="Thresholds">The baseline's thresholds that held there, judged again on this run.</param>
/// <param name="Notes">Differences that make the comparison weaker (another model, rate or scenario).</param>
internal sealed record BaselineReport(
    string File, double TolerancePercent, bool Passed, IReadOnlyList<BaselineDelta> Deltas, IReadOnlyList<ThresholdReport> Thresholds, IReadOnlyList<string> Notes);
