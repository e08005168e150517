using System.Diagnostics.Metrics;

namespace Pitchey.Gateway.Diagnostics;

/// <summary>
/// The response cache's instruments, on the gateway's meter from <see cref="IMeterFactory"/>
/// (docs/caching.md and docs/observability.md list them): requests by result, coalesced waits,
/// stale answers by reason, evictions by reason, background refreshes, store errors, and the
/// in-memory store's size.
/// </summary>
internal sealed class CacheMetrics
{
    public const string ResultTag = "result";
    public const string RouteTag = "route";
    public const string OutcomeTag = "outcome";
    public const string ReasonTag = "reason";
    public const string OperationTag = "operation";

    public const string WriteReason = "write";
    public const string SizeReason = "size";
    public const string RevalidateReason = "revalidate";
    public const string ErrorReason = "error";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _coalesced;
    private readonly Counter<long> _stale;
    private readonly Counter<long> _evictions;
    private readonly Counter<long> _refreshes;
    private readonly Counter<long> _storeErrors;
    private int _observing;

    public CacheMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(GatewayTelemetry.Name);
        _requests = _meter.CreateCounter<long>(
            "pitchey.cache.requests", description: "Requests on cacheable paths, by X-Cache result (hit, miss, stale, bypass) and route.");
        _coalesced = _meter.CreateCounter<long>(
            "pitchey.cache.coalesced_waits",
            description: "Requests that waited on another request's fill of the same key; outcome shared (got its answer), stale, alone (it was not storable) or timeout.");
        _stale = _meter.CreateCounter<long>(
            "pitchey.cache.stale_served", description: "Stale answers served: while one refresh runs (revalidate) or for a failing backend (error).");
        _evictions = _meter.CreateCounter<long>(
            "pitchey.cache.evictions", description: "Entries removed before their time: by a proxied write's tags (write) or to stay within Cache:SizeLimit (size).");
        _refreshes = _meter.CreateCounter<long>(
            "pitchey.cache.refreshes", description: "Background refreshes of stale entries, by outcome: stored, not storable, failed.");
        _storeErrors = _meter.CreateCounter<long>(
            "pitchey.cache.store_errors", description: "Redis operations of the shared cache that failed (read, write, evict): answered uncached instead.");
    }

    public void Request(string result, string route) =>
        _requests.Add(1, new KeyValuePair<string, object?>(ResultTag, Word(result)), new KeyValuePair<string, object?>(RouteTag, route));

    public void Coalesced(string route, string outcome) =>
        _coalesced.Add(1, new KeyValuePair<string, object?>(RouteTag, route), new KeyValuePair<string, object?>(OutcomeTag, outcome));

    public void StaleServed(string route, string reason) =>
        _stale.Add(1, new KeyValuePair<string, object?>(RouteTag, route), new KeyValuePair<string, object?>(ReasonTag, reason));

    public void Evicted(string reason, long count)
    {
        if (count > 0)
        {
            _evictions.Add(count, new KeyValuePair<string, object?>(ReasonTag, reason));
        }
    }

    public void Refreshed(string route, string outcome) =>
        _refreshes.Add(1, new KeyValuePair<string, object?>(RouteTag, route), new KeyValuePair<string, object?>(OutcomeTag, outcome));

    public void StoreError(string operation) => _storeErrors.Add(1, new KeyValuePair<string, object?>(OperationTag, operation));

    /// <summary>The in-memory store's gauges; its one instance calls this once.</summary>
    public void ObserveStore(Func<long> bytes, Func<long> entries)
    {
        if (Interlocked.Exchange(ref _observing, 1) != 0)
        {
            return;
        }

        _meter.CreateObservableGauge("pitchey.cache.size", bytes, unit: "By", description: "Bytes the in-memory cache holds (body, headers, overhead).");
        _meter.CreateObservableGauge("pitchey.cache.entries", entries, description: "Entries the in-memory cache holds.");
    }

    private static string Word(string result) => result switch
    {
        Caching.CacheResult.Hit => "hit",
        Caching.CacheResult.Miss => "miss",
        Caching.CacheResult.Stale => "stale",
        _ => "bypass",
    };
}
