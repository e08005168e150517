namespace Pitchey.Database.Routing;

/// <summary>Where a read may go.</summary>
public enum RoutingTarget
{
    /// <summary>A replica within the lag budget, else the primary.</summary>
    Replica,

    /// <summary>Always the primary.</summary>
    Primary,
}
