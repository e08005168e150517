namespace Pitchey.Gateway.Alerts;

/// <summary>What one rule saw for one subject (a query, a cluster, a host, an index) in one evaluation.</summary>
/// <param name="Subject">The alert's second half of its identity: <c>rule|subject</c>.</param>
/// <param name="Value">The figure compared (ms, share, seconds, breaker state); null when there is none.</param>
/// <param name="Summary">One line for the log, the notice and <c>/admin/alerts</c>: no secret, no value of a request.</param>
internal sealed record AlertSignal(string Subject, bool Active, double? Value, string Summary);
