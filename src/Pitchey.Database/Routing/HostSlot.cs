using Pitchey.Database.DataSources;

namespace Pitchey.Database.Routing;

/// <summary>Counters and load of one host, as the router sees it.</summary>
internal sealed class HostSlot(DatabaseHost host, int index)
{
    /// <summary>Connections the router tried to open here (tests count them).</summary>
    public long ConnectionAttempts;

    /// <summary>Work running here now: the load half of the replica score.</summary>
    public int InFlight;

    public DatabaseHost Host { get; } = host;

    /// <summary>Index into the snapshot's replicas; -1 for the primary.</summary>
    public int Index { get; } = index;

    public bool IsPrimary => Index < 0;
}
