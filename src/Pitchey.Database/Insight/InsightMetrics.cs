using System.Diagnostics.Metrics;
using Pitchey.Database.Diagnostics;

namespace Pitchey.Database.Insight;

/// <summary>The insight's instruments on the database module's meter: its rounds per host, and the open recommendations by kind and severity.</summary>
internal sealed class InsightMetrics(IMeterFactory meterFactory)
{
    private readonly Meter _meter = meterFactory.Create(RoutingMetrics.MeterName);
    private readonly Counter<long> _rounds = meterFactory.Create(RoutingMetrics.MeterName).CreateCounter<long>(
        "pitchey.db.insight.reads", description: "Workload reads of the database insight, by host and status (ok, failed).");

    public void Observe(InsightMonitor monitor) =>
        _meter.CreateObservableGauge("pitchey.db.recommendations", () => Count(monitor),
            description: "Open recommendations of the database insight, by kind and severity.");

    public void Round(string host, bool ok) =>
        _rounds.Add(1, new KeyValuePair<string, object?>("host", host), new KeyValuePair<string, object?>("status", ok ? "ok" : "failed"));

    private static IEnumerable<Measurement<int>> Count(InsightMonitor monitor) =>
        (monitor.Current?.Recommendations ?? [])
            .GroupBy(r => (r.Kind, r.Severity))
            .Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("kind", g.Key.Kind), new KeyValuePair<string, object?>("severity", g.Key.Severity)));
}
