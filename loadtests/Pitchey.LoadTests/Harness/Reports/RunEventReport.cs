namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>Something that happened during the run: a scenario's timed action ("faults on", "replica stopped") or what it observed.</summary>
/// <param name="AtSeconds">Seconds since the measured window started (negative: during the warm-up).</param>
/// <param name="Name">Short, e.g. "faults on".</param>
/// <param name="Detail">More, e.g. the action's outcome or error; null when none.</param>
internal sealed record RunEventReport(double AtSeconds, string Name, string? Detail);
