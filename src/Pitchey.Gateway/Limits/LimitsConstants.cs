namespace Pitchey.Gateway.Limits;

/// <summary>Defaults and bounds of <see cref="LimitsOptions"/>, checked by <see cref="LimitsOptionsValidator"/>.</summary>
internal static class LimitsConstants
{
    /// <summary>Kestrel's own default (about 28.6 MiB).</summary>
    public const long DefaultMaxRequestBodySize = 30_000_000;
    public const long MaxMaxRequestBodySize = 10L * 1024 * 1024 * 1024;

    /// <summary>Kestrel's defaults: 32 KiB of headers (431 beyond), an 8 KiB request line (414 beyond).</summary>
    public const int DefaultMaxRequestHeadersTotalSize = 32 * 1024;
    public const int MinMaxRequestHeadersTotalSize = 1024;
    public const int MaxMaxRequestHeadersTotalSize = 1024 * 1024;
    public const int DefaultMaxRequestLineSize = 8 * 1024;
    public const int MinMaxRequestLineSize = 256;
    public const int MaxMaxRequestLineSize = 64 * 1024;

    /// <summary>Kestrel's default: a body slower than 240 B/s after a 5 s grace period is answered 408.</summary>
    public const double DefaultMinRequestBodyDataRate = 240;
    public const double MaxMinRequestBodyDataRate = 1024 * 1024;
    public static readonly TimeSpan DefaultMinRequestBodyDataRateGracePeriod = TimeSpan.FromSeconds(5);

    /// <summary>Kestrel checks rates once a second, so its grace period must be longer than that.</summary>
    public static readonly TimeSpan MinMinRequestBodyDataRateGracePeriod = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxMinRequestBodyDataRateGracePeriod = TimeSpan.FromMinutes(5);

    public static readonly string[] DefaultAllowedMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    public static readonly TimeSpan DefaultTunedEndpointTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MinTunedEndpointTimeout = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxTunedEndpointTimeout = TimeSpan.FromMinutes(5);

    // A database runs best with a few statements per core in flight; more only queue inside
    // PostgreSQL, where nothing is first come first served. 16 is two per core of an 8-core host; on
    // two cores it beat 64 and 8 (docs/benchmarks.md, "Cold keys").
    public const int DefaultDatabaseConcurrency = 16;
    public const int MinDatabaseConcurrency = 1;
    public const int MaxDatabaseConcurrency = 10_000;
    public const int DefaultDatabaseQueueLimit = 256;
    public const int MaxDatabaseQueueLimit = 100_000;
    public static readonly TimeSpan DefaultDatabaseQueueTimeout = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MinDatabaseQueueTimeout = TimeSpan.Zero;
    public static readonly TimeSpan MaxDatabaseQueueTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Route metadata keys in <c>gateway.json</c> (<c>ReverseProxy:Routes:&lt;id&gt;:Metadata</c>).</summary>
    public const string MaxRequestBodySizeMetadata = "MaxRequestBodySize";

    /// <summary>
    /// Not YARP's <c>Match:Methods</c> again: a method outside <c>Match:Methods</c> makes the route not
    /// match (another route takes the request, or YARP's 404), while a method outside the route's
    /// allow-list is answered here, at the edge, 405 with <c>Allow</c> in the API's envelope and never
    /// forwarded. That is what the catch-all route needs; a route with <c>Match:Methods</c> needs no allow-list.
    /// </summary>
    public const string AllowedMethodsMetadata = "AllowedMethods";
}
