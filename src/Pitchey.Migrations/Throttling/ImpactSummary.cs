namespace Pitchey.Migrations.Throttling;

/// <summary>What a run did to the database, as recorded in its history: time spent throttled and the peak figures seen.</summary>
/// <param name="ThrottleWaits">Statements that had to wait at least once.</param>
/// <param name="Samples">Samples taken (before statements and during builds).</param>
/// <param name="PeakLagReplica">The replica that had <paramref name="PeakReplicaLag"/>.</param>
public sealed record ImpactSummary(
    TimeSpan Throttled,
    int ThrottleWaits,
    int Samples,
    TimeSpan? PeakReplicaLag,
    string? PeakLagReplica,
    int? PeakActiveSessions,
    int? PeakLockWaits,
    TimeSpan? PeakProbeLatency)
{
    public static ImpactSummary None { get; } = new(TimeSpan.Zero, 0, 0, null, null, null, null, null);
}
