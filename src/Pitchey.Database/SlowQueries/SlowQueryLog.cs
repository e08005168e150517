using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Pitchey.Database.Diagnostics;

namespace Pitchey.Database.SlowQueries;

/// <summary>
/// The slow tuned queries: every routed query's duration (the router's own measurement, the one
/// behind <c>pitchey.db.query.duration</c>) is compared with its threshold; a slow one is counted
/// (<c>pitchey.db.slow_queries</c>, by query and host) and kept in a bounded ring with its
/// normalised SQL, its parameters' shapes, the route that issued it and the host that ran it.
/// Here a fast query costs one comparison; its statement trace (StatementTrace), recorded for every
/// routed read in case it turns out slow, is the part a fast read still pays for.
/// </summary>
public sealed class SlowQueryLog
{
    private readonly SlowQueryOptions _options;
    private readonly TimeProvider _time;
    private readonly Counter<long> _slow;
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly SlowQuery?[] _ring;
    private int _next;
    private int _count;
    private long _sequence;

    public SlowQueryLog(IOptions<SlowQueryOptions> options, TimeProvider time, IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meterFactory);
        _options = options.Value;
        _time = time;
        _ring = new SlowQuery?[_options.Capacity];
        _slow = meterFactory.Create(RoutingMetrics.MeterName).CreateCounter<long>(
            "pitchey.db.slow_queries", description: "Routed queries that took at least their threshold (Database:SlowQueries), by query and host.");
    }

    public SlowQueryOptions Options => _options;

    /// <summary>Slow queries seen since start (or since the last <see cref="Clear"/>), kept or not.</summary>
    public long Recorded => Interlocked.Read(ref _sequence);

    /// <summary>Slow queries since start by query name, never reset: the status page charts their rate.</summary>
    public IReadOnlyDictionary<string, long> CountsByQuery => _counts;

    /// <summary>A routed query succeeded on <paramref name="host"/> after <paramref name="elapsed"/>.</summary>
    internal void Observe(string queryName, string host, TimeSpan elapsed, StatementTrace? trace)
    {
        var threshold = _options.ThresholdFor(queryName);
        if (elapsed.TotalMilliseconds < threshold)
        {
            return;
        }

        _slow.Add(1, new KeyValuePair<string, object?>("query", queryName), new KeyValuePair<string, object?>("host", host));
        _counts.AddOrUpdate(queryName, 1, static (_, n) => n + 1);
        var statements = trace?.Statements.Select(s => new TracedStatement(SqlNormalizer.Normalize(s.Sql), s.Parameters)).ToArray() ?? [];
        lock (_gate)
        {
            _ring[_next] = new SlowQuery(++_sequence, _time.GetUtcNow(), queryName, trace?.Origin, host, elapsed.TotalMilliseconds, threshold, statements);
            _next = (_next + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
        }
    }

    /// <summary>The kept slow queries, newest first.</summary>
    public IReadOnlyList<SlowQuery> Recent()
    {
        lock (_gate)
        {
            var items = new SlowQuery[_count];
            for (var i = 0; i < _count; i++)
            {
                items[i] = _ring[(_next - 1 - i + (2 * _ring.Length)) % _ring.Length]!;
            }

            return items;
        }
    }

    /// <summary>
    /// Forgets the kept queries (an operator starting a fresh look) and says how many there were,
    /// counted under the same lock, so none recorded meanwhile is lost uncounted. The metric counts on.
    /// </summary>
    public int Clear()
    {
        lock (_gate)
        {
            var cleared = _count;
            Array.Clear(_ring);
            _next = 0;
            _count = 0;
            _sequence = 0;
            return cleared;
        }
    }
}
