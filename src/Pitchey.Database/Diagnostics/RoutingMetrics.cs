using System.Diagnostics;
using System.Diagnostics.Metrics;
using Pitchey.Database.Routing;

namespace Pitchey.Database.Diagnostics;

/// <summary>
/// Routing instruments on the database module's Meter (<see cref="MeterName"/>). The meter comes
/// from <see cref="IMeterFactory"/>, which hands every caller asking for the same name the same
/// meter, so the module keeps one Meter however many features add instruments to it.
/// </summary>
internal sealed class RoutingMetrics
{
    public const string MeterName = "Pitchey.Database";

    /// <summary>Seconds; a tuned query is a millisecond affair, so the low end is fine-grained.</summary>
    private static readonly double[] QueryDurationBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _reads;
    private readonly Counter<long> _writes;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _rejections;
    private readonly Histogram<double> _queryDuration;

    public RoutingMetrics(IMeterFactory meterFactory, ReplicaMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _reads = meter.CreateCounter<long>("pitchey.db.reads", description: "Reads routed, by query and by where they ran (primary, replica).");
        _writes = meter.CreateCounter<long>("pitchey.db.writes", description: "Writes run on the primary, by query.");
        _retries = meter.CreateCounter<long>("pitchey.db.read.retries", description: "Read retries after a transient failure (failover: on another host; backoff: same host after a delay).");
        _rejections = meter.CreateCounter<long>("pitchey.db.breaker.rejections", description: "Calls refused at once because the primary's circuit breaker was open.");
        _queryDuration = meter.CreateHistogram(
            "pitchey.db.query.duration", unit: "s",
            description: "Duration of a tuned query that succeeded, by query name and the host that answered (retries included).",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = QueryDurationBuckets });
        meter.CreateObservableGauge("pitchey.db.host.up", () => Each(monitor, s => s.Reachable ? 1 : 0),
            description: "1 when the host answered its last check, else 0.");
        meter.CreateObservableGauge("pitchey.db.host.latency", () => Each(monitor, s => s.LatencyMs), unit: "ms",
            description: "Smoothed round trip of the monitor's check.");
        meter.CreateObservableGauge("pitchey.db.replica.lag", () => Replicas(monitor, s => s.LagSeconds ?? double.NaN), unit: "s",
            description: "Replica replay lag in seconds (0 when it has replayed all it received).");
        meter.CreateObservableGauge("pitchey.db.replica.lag_bytes", () => Replicas(monitor, s => s.LagBytes), unit: "By",
            description: "WAL the replica has not replayed yet.");
    }

    public void Read(string queryName, bool onReplica) =>
        _reads.Add(1, new KeyValuePair<string, object?>("query", queryName), new KeyValuePair<string, object?>("target", onReplica ? "replica" : "primary"));

    /// <summary>A routed query succeeded on <paramref name="hostName"/> after <paramref name="elapsed"/>.</summary>
    public void QueryCompleted(string queryName, string hostName, TimeSpan elapsed)
    {
        if (_queryDuration.Enabled)
        {
            _queryDuration.Record(
                elapsed.TotalSeconds,
                new KeyValuePair<string, object?>("query", queryName),
                new KeyValuePair<string, object?>("host", hostName));
        }
    }

    public void Write(string queryName) => _writes.Add(1, new KeyValuePair<string, object?>("query", queryName));

    public void Retry(bool otherHost) => _retries.Add(1, new KeyValuePair<string, object?>("kind", otherHost ? "failover" : "backoff"));

    public void Rejected() => _rejections.Add(1);

    private static IEnumerable<Measurement<T>> Each<T>(ReplicaMonitor monitor, Func<HostStatus, T> value)
        where T : struct
    {
        var snapshot = monitor.Current;
        yield return Measure(snapshot.Primary, value);
        foreach (var replica in snapshot.Replicas)
        {
            yield return Measure(replica, value);
        }
    }

    private static IEnumerable<Measurement<T>> Replicas<T>(ReplicaMonitor monitor, Func<HostStatus, T> value)
        where T : struct =>
        monitor.Current.Replicas.Select(replica => Measure(replica, value));

    private static Measurement<T> Measure<T>(HostStatus status, Func<HostStatus, T> value)
        where T : struct =>
        new(value(status), new TagList { { "host", status.Host.Name }, { "endpoint", status.Host.Endpoint } });
}
