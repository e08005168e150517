using Microsoft.Extensions.Options;
using Pitchey.Database.Diagnostics;
using Pitchey.Database.Insight;
using Pitchey.Gateway.HealthProbes;
using Pitchey.Gateway.Resilience;
using Pitchey.Gateway.StatusPage;

namespace Pitchey.Gateway.Alerts;

/// <summary>
/// Takes an <see cref="AlertObservation"/> from the figures the gateway already has (the metrics
/// tap, the breakers, the probe cache, the database insight): nothing is measured twice. For the
/// windowed rules it keeps the request and query counts of past evaluations (as long as the longest
/// window), so a window's figures are the difference between now and the evaluation that started it.
/// </summary>
internal sealed class AlertInputs(
    MetricsTap tap, BreakerRegistry breakers, ProbeCache probes, InsightMonitor insight, TimeProvider time, TimeSpan longestWindow)
{
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private readonly Queue<Counts> _history = new();

    public AlertObservation Observe()
    {
        var now = time.GetUtcNow();
        tap.Poll();
        var current = new Counts(now, TotalRequests(), tap.ServerErrors, tap.Queries.ToDictionary(q => q.Key, q => q.Value.Snapshot(), StringComparer.Ordinal));
        _history.Enqueue(current);
        while (_history.Count > 1 && now - _history.Peek().At > longestWindow)
        {
            _history.Dequeue();
        }

        var history = _history.ToArray();
        var used = tap.Latest("db.client.connection.count");
        var max = tap.Latest("db.client.connection.max");
        return new AlertObservation(
            now,
            [.. breakers.All().OrderBy(b => b.ClusterId, StringComparer.Ordinal).Select(b => (b.ClusterId, CircuitStates.Word(b.State), CircuitStates.GaugeValue(b.State)))],
            tap.Latest("pitchey.db.replica.lag").Where(l => double.IsFinite(l.Value)).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
            max.Where(m => m.Value > 0).ToDictionary(m => m.Key, m => (used.GetValueOrDefault(m.Key), m.Value), StringComparer.Ordinal),
            insight.Current is { } round
                ? [.. round.Recommendations.Where(r => r.Kind == RecommendationKinds.InvalidIndex).Select(r => (r.Subject, r.Title))]
                : null,
            (now - (probes.LastCompleteAt ?? _started)).TotalSeconds,
            window => Over(history, current, window));
    }

    private long TotalRequests() => tap.Requests.Snapshot().Sum();

    /// <summary>From the oldest kept evaluation inside the window (or the oldest of all, right after start) to now.</summary>
    private static (long, long, IReadOnlyDictionary<string, LatencyInterval>) Over(Counts[] history, Counts now, TimeSpan window)
    {
        var start = history.FirstOrDefault(c => now.At - c.At <= window) ?? now;
        var queries = now.Queries.ToDictionary(
            q => q.Key,
            q => LatencyHistogram.Between(start.Queries.TryGetValue(q.Key, out var earlier) ? earlier : LatencyHistogram.NewCursor(), q.Value),
            StringComparer.Ordinal);
        return (now.Requests - start.Requests, now.Errors - start.Errors, queries);
    }

    private sealed record Counts(DateTimeOffset At, long Requests, long Errors, Dictionary<string, long[]> Queries);
}
