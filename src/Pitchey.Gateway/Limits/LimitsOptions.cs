namespace Pitchey.Gateway.Limits;

/// <summary>
/// What one request may cost the gateway. Bound from <c>Limits</c>; defaults and bounds in
/// <see cref="LimitsConstants"/>. A route in <c>gateway.json</c> may narrow or widen the body size and
/// the methods through its metadata (<c>MaxRequestBodySize</c>, <c>AllowedMethods</c>).
/// </summary>
internal sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>
    /// Largest request body in bytes, for every route without its own <c>MaxRequestBodySize</c>. A
    /// declared Content-Length above it is answered 413 before anything is forwarded; a chunked
    /// body that runs past it is answered 413 and the upstream request aborted. Default 30,000,000
    /// (Kestrel's), range 0..10 GiB.
    /// </summary>
    public long MaxRequestBodySize { get; set; } = LimitsConstants.DefaultMaxRequestBodySize;

    /// <summary>Total size of the request headers; Kestrel answers 431 beyond it. Default 32768, range 1 KiB..1 MiB.</summary>
    public int MaxRequestHeadersTotalSize { get; set; } = LimitsConstants.DefaultMaxRequestHeadersTotalSize;

    /// <summary>Length of the request line (method, target, version); Kestrel answers 414 beyond it. Default 8192, range 256..65536.</summary>
    public int MaxRequestLineSize { get; set; } = LimitsConstants.DefaultMaxRequestLineSize;

    /// <summary>
    /// Bytes per second a request body must keep up after <see cref="MinRequestBodyDataRateGracePeriod"/>;
    /// a slower client is answered 408 and never counts against an upstream's breaker. Default 240
    /// (Kestrel's), 0 turns the check off, at most 1 MiB/s.
    /// </summary>
    public double MinRequestBodyDataRate { get; set; } = LimitsConstants.DefaultMinRequestBodyDataRate;

    /// <summary>How long a body may start slowly before the rate is enforced. Default 00:00:05, range 2 s..5 min.</summary>
    public TimeSpan MinRequestBodyDataRateGracePeriod { get; set; } = LimitsConstants.DefaultMinRequestBodyDataRateGracePeriod;

    /// <summary>
    /// Methods forwarded on routes without their own <c>AllowedMethods</c>; others known to HTTP
    /// (TRACE, CONNECT) are answered 405, unknown ones 501, at the edge. Setting it replaces the
    /// default: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS.
    /// </summary>
    public IList<string>? AllowedMethods { get; set; }

    /// <summary>
    /// Longest a tuned endpoint (browse, search, session, dashboards) may take; then its query is
    /// cancelled and the caller gets 504 <c>DATABASE_TIMEOUT</c>. Default 00:00:10, range 100 ms..5 min.
    /// </summary>
    public TimeSpan TunedEndpointTimeout { get; set; } = LimitsConstants.DefaultTunedEndpointTimeout;

    /// <summary>Tuned-endpoint reads running at once, across all database hosts. Default 16, range 1..10000.</summary>
    public int DatabaseConcurrency { get; set; } = LimitsConstants.DefaultDatabaseConcurrency;

    /// <summary>Reads waiting for a turn beyond <see cref="DatabaseConcurrency"/>; more get 503 at once. Default 256, range 0..100000.</summary>
    public int DatabaseQueueLimit { get; set; } = LimitsConstants.DefaultDatabaseQueueLimit;

    /// <summary>Longest a read waits for a turn before 503 <c>DATABASE_UNAVAILABLE</c> with Retry-After. Default 00:00:00.500, range 0..30 s.</summary>
    public TimeSpan DatabaseQueueTimeout { get; set; } = LimitsConstants.DefaultDatabaseQueueTimeout;

    public IReadOnlyList<string> AllowedMethodsOrDefault() =>
        AllowedMethods is { Count: > 0 } configured ? configured.ToArray() : LimitsConstants.DefaultAllowedMethods;
}
