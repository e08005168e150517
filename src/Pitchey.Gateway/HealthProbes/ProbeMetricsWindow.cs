using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pitchey.Database;

namespace Pitchey.Gateway.HealthProbes;

/// <summary>
/// The last few runs' outcomes, for <c>errorRate</c> and <c>avgQueryTime</c>. Only the single
/// run in flight writes to it, so it needs no lock.
/// </summary>
internal sealed class ProbeMetricsWindow
{
    private readonly Queue<(bool Failed, double? QueryMs)> _runs = new();

    public ProbeMetrics Add(HealthStatus status, TimeSpan duration, IReadOnlyList<ProbeEntry> entries, int capacity)
    {
        var performance = entries.FirstOrDefault(e => e.Name == DatabaseCheckNames.Performance);
        var queryMs = ReadDouble(performance, "queryMs");
        var connections = ReadDouble(performance, "connectionCount");

        _runs.Enqueue((status == HealthStatus.Unhealthy, queryMs));
        while (_runs.Count > capacity)
        {
            _runs.Dequeue();
        }

        var failed = _runs.Count(r => r.Failed);
        var timed = _runs.Where(r => r.QueryMs.HasValue).Select(r => r.QueryMs!.Value).ToArray();
        return new ProbeMetrics(
            ResponseTimeMs: Math.Round(duration.TotalMilliseconds, 2),
            ConnectionCount: (long)(connections ?? 0),
            AvgQueryTimeMs: timed.Length == 0 ? 0 : Math.Round(timed.Average(), 2),
            ErrorRate: Math.Round((double)failed / _runs.Count, 4));
    }

    private static double? ReadDouble(ProbeEntry? entry, string key) =>
        entry is not null && entry.Data.TryGetValue(key, out var value) && value is IConvertible convertible
            ? convertible.ToDouble(System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
