namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>One server-side count over the measured window (e.g. database transactions, upstream requests).</summary>
/// <param name="Name">What is counted, e.g. "transactions", "upstream requests", "health-check runs".</param>
/// <param name="Value">How many during the window.</param>
/// <param name="PerRequest">The report divides the client's requests by it (<see cref="RequestsPer"/>).</param>
/// <param name="RequestsPer">Client requests (all targets) per one of these; null when not asked for or when the count is 0.</param>
internal sealed record ServerCounter(string Name, double Value, bool PerRequest, double? RequestsPer = null);
