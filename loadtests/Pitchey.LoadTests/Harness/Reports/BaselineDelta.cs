namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>One key figure of the first target, now and in the baseline report.</summary>
/// <param name="Label">The request label; null for the target's total.</param>
/// <param name="Figure">"p50", "p99" (corrected, µs), "rps" (achieved) or "errors" (% of sent).</param>
/// <param name="Baseline">The baseline's value.</param>
/// <param name="Current">This run's value.</param>
/// <param name="ChangePercent">(current − baseline) / baseline × 100; for errors the change in percentage points.</param>
/// <param name="Regressed">Worse than the baseline by more than the tolerance.</param>
internal sealed record BaselineDelta(string? Label, string Figure, double Baseline, double Current, double ChangePercent, bool Regressed);
