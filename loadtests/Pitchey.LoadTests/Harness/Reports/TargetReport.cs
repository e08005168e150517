namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>One target of the run: <c>--target</c> first, then each <c>--compare</c> in order.</summary>
/// <param name="Url">The base address requests went to.</param>
/// <param name="Role">"target" or "compare".</param>
/// <param name="Total">All its requests.</param>
/// <param name="Labels">Per request label, in the scenario's order (one entry when the scenario has one label).</param>
/// <param name="RatioToFirst">Its figures over the first target's; null for the first.</param>
/// <param name="Connects">TCP connections opened, reconnects included (keep-alive working: about one per connection).</param>
internal sealed record TargetReport(string Url, string Role, SeriesReport Total, IReadOnlyList<SeriesReport> Labels, RatioReport? RatioToFirst, long Connects);
