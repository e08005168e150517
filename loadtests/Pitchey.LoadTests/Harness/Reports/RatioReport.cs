namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>A compared target's figures divided by the first target's (with --compare): 1.25 means 25 % more.</summary>
/// <param name="AchievedRate">This target's achieved rate / the first target's.</param>
/// <param name="P50">Corrected p50 / the first target's.</param>
/// <param name="P99">Corrected p99 / the first target's.</param>
internal sealed record RatioReport(double AchievedRate, double P50, double P99);
