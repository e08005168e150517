using System.Globalization;

namespace Pitchey.Gateway.Alerts;

/// <summary>Each kind's condition: what a rule sees in one observation, one signal per subject it watches.</summary>
internal static class AlertConditions
{
    public static IReadOnlyList<AlertSignal> Evaluate(AlertRule rule, AlertObservation observation)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(observation);
        var settings = rule.Settings;
        var threshold = rule.Threshold ?? 0;
        return rule.Kind switch
        {
            AlertKind.QueryLatency => QueryLatency(rule, observation, threshold),
            AlertKind.ErrorRate => ErrorRate(rule, observation, threshold),
            AlertKind.BreakerOpen => [.. observation.Breakers
                .Where(b => settings.Cluster is null || string.Equals(b.Cluster, settings.Cluster, StringComparison.OrdinalIgnoreCase))
                .Select(b => new AlertSignal(b.Cluster, b.Value != 0, b.Value, $"circuit breaker of cluster {b.Cluster} is {b.State}"))],
            AlertKind.ReplicaLag => [.. observation.ReplicaLagSeconds
                .Where(l => Matches(settings.Host, l.Key))
                .Select(l => new AlertSignal(l.Key, l.Value > threshold, l.Value, Text($"replica {l.Key} lags {l.Value:F1} s (budget {threshold:F1} s)")))],
            AlertKind.PoolSaturation => [.. observation.Pools
                .Where(p => Matches(settings.Host, p.Key))
                .Select(p => new AlertSignal(p.Key, p.Value.Used / p.Value.Max > threshold, p.Value.Used / p.Value.Max,
                    Text($"pool {p.Key} has {p.Value.Used:F0} of {p.Value.Max:F0} connections in use (threshold {threshold:P0})")))],
            AlertKind.InvalidIndex => [.. (observation.InvalidIndexes ?? []).Select(i => new AlertSignal(i.Subject, true, null, i.Title))],
            _ => [new AlertSignal("health-report", observation.ReportAgeSeconds > threshold, observation.ReportAgeSeconds,
                Text($"the last health refresh whose checks all finished is {observation.ReportAgeSeconds:F0} s old (threshold {threshold:F0} s): refreshes are stuck or their checks time out"))],
        };
    }

    private static AlertSignal[] QueryLatency(AlertRule rule, AlertObservation observation, double threshold)
    {
        var settings = rule.Settings;
        var (_, _, queries) = observation.Windows(settings.Window);
        return [.. queries
            .Where(q => settings.Query is null || string.Equals(q.Key, settings.Query, StringComparison.OrdinalIgnoreCase))
            .Select(q =>
            {
                var enough = q.Value.Count >= settings.MinimumRequests;
                var p95 = q.Value.P95Ms ?? 0;
                return new AlertSignal(q.Key, enough && p95 > threshold, enough ? p95 : null,
                    Text($"p95 of query {q.Key} is {p95:F1} ms over the last {settings.Window.TotalSeconds:F0} s ({q.Value.Count} queries; threshold {threshold:F0} ms)"));
            })];
    }

    private static AlertSignal[] ErrorRate(AlertRule rule, AlertObservation observation, double threshold)
    {
        var settings = rule.Settings;
        var (requests, errors, _) = observation.Windows(settings.Window);
        var rate = requests == 0 ? 0 : (double)errors / requests;
        return [new AlertSignal("requests", requests >= settings.MinimumRequests && rate > threshold, rate,
            Text($"{rate:P1} of {requests} requests answered 5xx over the last {settings.Window.TotalSeconds:F0} s (threshold {threshold:P1})"))];
    }

    private static bool Matches(string? filter, string name) => filter is null || string.Equals(filter, name, StringComparison.OrdinalIgnoreCase);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
