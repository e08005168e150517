namespace Pitchey.Database.Diagnostics;

/// <summary>
/// Log event ids of the database module, unique in this one table: 5100-5199 the tuned queries,
/// 5200-5299 routing, 5300-5399 the database insight. Used as <c>EventId = EventIds.X, EventName = nameof(EventIds.X)</c>.
/// </summary>
internal static class EventIds
{
    public const int PlatformStatsRefreshFailed = 5100;

    public const int HostBecameReachable = 5200;
    public const int HostBecameUnreachable = 5201;
    public const int ReplicaRoleChanged = 5202;
    public const int ReplicaLagExceeded = 5203;
    public const int ReadFailedOver = 5210;
    public const int ReadRetrying = 5211;
    public const int BreakerOpened = 5220;
    public const int BreakerClosed = 5221;
    public const int BreakerHalfOpened = 5222;
    public const int WalPositionUnavailable = 5230;

    public const int InsightHostUnreadable = 5300;
    public const int InsightHostReadable = 5301;
    public const int InsightCatalogUnreadable = 5302;
    public const int InsightRecommendations = 5303;
}
