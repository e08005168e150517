using System.Collections.Immutable;

namespace Pitchey.Database.Routing;

/// <summary>Every host's status at one moment.</summary>
/// <param name="Sequence">Increases with every swap; 0 before the first check.</param>
public sealed record TopologySnapshot(HostStatus Primary, ImmutableArray<HostStatus> Replicas, long Sequence);
