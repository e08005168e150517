using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Pitchey.Database.DataSources;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.StatusPage;

/// <summary>
/// The status page's window on the gateway's own instruments, through a <see cref="MeterListener"/>:
/// the history draws what Prometheus scrapes, from the same measurements, instead of counting twice.
/// Only this host's meters are heard (a meter's scope is the <see cref="IMeterFactory"/> that made
/// it), plus Npgsql's, which has no factory (and of it only this gateway's pools, each line named after its host). Request and query durations arrive as they are recorded;
/// gauges are read when <see cref="Poll"/> runs, on the sampler's thread.
/// </summary>
internal sealed class MetricsTap : IDisposable
{
    public const string RequestDuration = "http.server.request.duration";
    public const string QueryDuration = "pitchey.db.query.duration";
    private const string PoolTag = "db.client.connection.pool.name";

    /// <summary>Gauge instruments read on each poll, and the tag that names a line (null: a single line).</summary>
    private static readonly Dictionary<string, GaugeLines> Gauges = new(StringComparer.Ordinal)
    {
        ["pitchey.probe.report.age"] = new(null),
        ["pitchey.db.replica.lag"] = new("host"),
        ["db.client.connection.count"] = new(PoolTag, "db.client.connection.state", "used"),
        ["db.client.connection.npgsql.pending_requests"] = new(PoolTag),
        ["db.client.connection.max"] = new(PoolTag),
    };

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, Dictionary<string, double>> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _observable = new(StringComparer.Ordinal);
    private readonly Lock _pollGate = new();
    private Dictionary<string, Dictionary<string, double>>? _polling;
    private long _serverErrors;

    private readonly ForeignPoolFilter _pools;

    public MetricsTap(IMeterFactory meterFactory, DatabaseHosts hosts)
    {
        _pools = new ForeignPoolFilter(hosts);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            var ours = ReferenceEquals(instrument.Meter.Scope, meterFactory);
            if (ours && instrument.Name == RequestDuration && instrument.Meter.Name == "Microsoft.AspNetCore.Hosting")
            {
                listener.EnableMeasurementEvents(instrument, RequestState.Instance);
            }
            else if (ours && instrument.Name == QueryDuration)
            {
                listener.EnableMeasurementEvents(instrument, QueryState.Instance);
            }
            else if ((ours || instrument.Meter.Name == "Npgsql") && Gauges.TryGetValue(instrument.Name, out var lines))
            {
                if (instrument.IsObservable)
                {
                    _observable[instrument.Name] = true;
                }

                listener.EnableMeasurementEvents(instrument, lines);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, state) => OnMeasurement(instrument, value, tags, state));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) => OnMeasurement(instrument, value, tags, state));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, state) => OnMeasurement(instrument, value, tags, state));
        _listener.Start();
    }

    /// <summary>Every request the public listener served (management requests are not measured at all).</summary>
    public LatencyHistogram Requests { get; } = new();

    /// <summary>Requests answered 5xx, counted since start.</summary>
    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    /// <summary>Tuned-query durations by query name.</summary>
    public ConcurrentDictionary<string, LatencyHistogram> Queries { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads every observable gauge once; afterwards <see cref="Latest"/> holds their values. An
    /// up-down counter that is not observable (its measurements are +n/-n as they happen) keeps its
    /// running sum instead. The status page's sampler and the alerts both poll: each poll collects
    /// into fresh lines and swaps them in whole, so a reader never sees a gauge half read.
    /// </summary>
    public void Poll()
    {
        lock (_pollGate)
        {
            _polling = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
            _listener.RecordObservableInstruments();
            foreach (var name in _observable.Keys)
            {
                _latest[name] = _polling.TryGetValue(name, out var values) ? values : new Dictionary<string, double>(StringComparer.Ordinal);
            }

            _polling = null;
        }
    }

    /// <summary>The last polled values of a gauge, by line.</summary>
    public IReadOnlyDictionary<string, double> Latest(string instrument)
    {
        if (!_latest.TryGetValue(instrument, out var values))
        {
            return new Dictionary<string, double>();
        }

        lock (values)
        {
            return new Dictionary<string, double>(values, StringComparer.Ordinal);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        switch (state)
        {
            case RequestState:
                Requests.RecordSeconds(value);
                if (StatusOf(tags) >= 500)
                {
                    Interlocked.Increment(ref _serverErrors);
                }

                break;
            case QueryState when Find(tags, "query") is { } query:
                Queries.GetOrAdd(query, static _ => new LatencyHistogram()).RecordSeconds(value);
                break;
            case GaugeLines lines when lines.Matches(tags) && LineOf(instrument, lines, tags) is { } line:
                // An observable gauge reports only inside Poll, on the polling thread, into the poll's own lines.
                var values = instrument.IsObservable && _polling is { } polling
                    ? polling.TryGetValue(instrument.Name, out var polled) ? polled : polling[instrument.Name] = new Dictionary<string, double>(StringComparer.Ordinal)
                    : _latest.GetOrAdd(instrument.Name, static _ => new Dictionary<string, double>(StringComparer.Ordinal));
                lock (values)
                {
                    values[line] = values.TryGetValue(line, out var sum) ? sum + value : value;
                }

                break;
        }
    }

    /// <summary>
    /// The line a measurement belongs to; for Npgsql's instruments, this gateway's host whose pool it
    /// is (its lines are named after the hosts), or null for another gateway's pool in the process.
    /// </summary>
    private string? LineOf(Instrument instrument, GaugeLines lines, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (instrument.Meter.Name == "Npgsql")
        {
            return _pools.HostOf(Find(tags, PoolTag));
        }

        return lines.LineTag is null ? "value" : Find(tags, lines.LineTag) ?? "?";
    }

    private static int StatusOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "http.response.status_code" && tag.Value is int status)
            {
                return status;
            }
        }

        return 0;
    }

    private static string? Find(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    private sealed class RequestState
    {
        public static readonly RequestState Instance = new();
    }

    private sealed class QueryState
    {
        public static readonly QueryState Instance = new();
    }

    /// <param name="LineTag">The tag whose value names the line; null for one line.</param>
    /// <param name="FilterTag">Only measurements with this tag ...</param>
    /// <param name="FilterValue">... equal to this are kept.</param>
    private sealed record GaugeLines(string? LineTag, string? FilterTag = null, string? FilterValue = null)
    {
        public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags) => FilterTag is null || Find(tags, FilterTag) == FilterValue;
    }
}
