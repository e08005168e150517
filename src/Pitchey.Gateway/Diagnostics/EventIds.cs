namespace Pitchey.Gateway.Diagnostics;

/// <summary>
/// Every log event id of the gateway, in one table so they stay unique. A log method names its
/// entry twice: <c>[LoggerMessage(EventId = EventIds.X, EventName = nameof(EventIds.X), ...)]</c>.
/// </summary>
/// <remarks>
/// Ranges, one per feature: 1000-1099 health probes, 1100-1199 proxy, 1200-1299 resilience,
/// 1400-1449 API endpoints, 1450-1499 routing headers, 1500-1549 management plane, 1550-1599 status
/// page, 1600-1649 telemetry, 1650-1699 errors, 1700-1749 limits, 1750-1799 rate limiting, 1800-1849
/// alerts. The
/// database module keeps its own table, outside these ranges.
/// </remarks>
internal static class EventIds
{
    // Health probes: 1000-1099
    public const int HealthRunCompleted = 1000;
    public const int HealthCheckTimedOut = 1001;
    public const int HealthCheckThrew = 1002;
    public const int HealthStatusChanged = 1003;

    // Proxy: 1100-1199
    public const int TrustedProxiesConfigured = 1100;

    // Resilience: 1200-1299
    public const int BreakerOpened = 1200;
    public const int BreakerHalfOpened = 1201;
    public const int BreakerClosed = 1202;
    public const int BreakerIsolated = 1203;
    public const int UpstreamConnectRetry = 1204;
    public const int ResilienceSettingsRejected = 1205;
    public const int BreakerSettingsChanged = 1206;

    // API endpoints: 1400-1449
    public const int ApiDatabaseUnavailable = 1400;
    public const int ApiBadInput = 1401;

    // Routing headers (the HTTP side of read-your-writes): 1450-1499
    public const int LsnStampSkipped = 1450;
    public const int LsnSigningKeyGenerated = 1451;

    // Management plane: 1500-1549
    public const int ManagementListening = 1500;
    public const int ManagementOff = 1501;
    public const int ManagementRequestRefused = 1502;

    // Status page: 1550-1599
    public const int StatusChartFailed = 1550;

    // Telemetry: 1600-1649
    public const int TelemetryExporters = 1600;

    // Errors the gateway answers itself: 1650-1699
    public const int UnhandledException = 1650;
    public const int RequestRefused = 1651;
    public const int ClientGone = 1652;

    // Limits (bodies, methods, timeouts, database concurrency): 1700-1749
    public const int RequestBodyTooLarge = 1700;
    public const int MethodRefused = 1701;
    public const int RouteLimitsInvalid = 1702;
    public const int DatabaseConcurrencyRejected = 1703;
    public const int TunedEndpointTimedOut = 1704;

    // Rate limiting: 1750-1799
    public const int RateLimited = 1750;
    public const int RedisRateLimiting = 1751;

    // Response cache: 1800-1849
    public const int CacheStoreTrouble = 1800;
    public const int CacheRefreshFailed = 1801;
    public const int CacheEvictionFailed = 1802;
    public const int CacheSharedStore = 1803;
    public const int CacheFailedServedStale = 1804;
    public const int CacheRedisClusterWithoutHashTag = 1805;

    // Alerts: 1850-1899
    public const int AlertsConfigured = 1850;
    public const int AlertFiring = 1851;
    public const int AlertResolved = 1852;
    public const int AlertSuppressed = 1853;
    public const int AlertConditionFailed = 1854;
    public const int WebhookDelivered = 1860;
    public const int WebhookRetrying = 1861;
    public const int WebhookFailed = 1862;
    public const int WebhookDropped = 1863;
}
