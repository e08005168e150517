namespace Pitchey.Migrations.Throttling;

/// <summary>
/// The figures of one sample. A null figure could not be read (the sampler notes why once) and
/// never throttles: the migration must not stall on a figure it cannot see.
/// </summary>
/// <param name="ActiveSessions">Client sessions running a query on the primary, the migration's own excluded.</param>
/// <param name="LockWaits">Sessions waiting for a lock on the table being changed (0 when no table is).</param>
/// <param name="ProbeLatency">Round trip of <c>SELECT 1</c> on the primary.</param>
public sealed record ImpactSample(IReadOnlyList<ReplicaFigure> Replicas, int? ActiveSessions, int? LockWaits, TimeSpan? ProbeLatency)
{
    public static ImpactSample Empty { get; } = new([], null, null, null);
}
