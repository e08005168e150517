namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>
/// Figures a scenario takes itself, beside the engine's per-target and per-label ones: an open
/// breaker's rejections and the time to recover, failover's errors by kind over time, connections
/// held, the gateway's memory, a soak's drift. Three generic shapes, so that every writer renders
/// any scenario's figures the same way: single values, latency histograms, and series over time.
/// </summary>
/// <param name="Name">Short and stable: "breaker", "failover", "connections", "soak", "memory", "queries".</param>
/// <param name="Title">A line for people.</param>
/// <param name="Note">Why something is missing or how to read it; null when nothing to say.</param>
/// <param name="Values">Single figures, in the scenario's order.</param>
/// <param name="Latencies">Named latency histograms (e.g. rejections while the breaker was open).</param>
/// <param name="Series">Named series over the run (e.g. errors by kind per second, memory).</param>
internal sealed record FigureSetReport(
    string Name, string Title, string? Note, IReadOnlyList<FigureValue> Values, IReadOnlyList<FigureLatency> Latencies, IReadOnlyList<FigureSeries> Series);
