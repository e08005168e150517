namespace Pitchey.Database.Diagnostics;

/// <summary>Log event ids of database routing (range 5200-5299), kept unique in one place.</summary>
internal static class RoutingEventIds
{
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
}
