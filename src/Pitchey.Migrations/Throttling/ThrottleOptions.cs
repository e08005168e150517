namespace Pitchey.Migrations.Throttling;

/// <summary>
/// How <c>migrate apply</c> watches what it does to the database (the <c>Migrations:Throttle</c>
/// section). Before each statement it waits while a figure is above its <c>Max*</c> limit, within
/// <see cref="WaitBudget"/>; a figure above its <c>Critical*</c> limit during a build cancels the
/// build. Every limit is off at 0; bounds in <see cref="ThrottleConstants"/>, checked by
/// <see cref="ThrottleOptionsValidator"/>.
/// </summary>
public sealed class ThrottleOptions
{
    /// <summary>The section, below <see cref="MigrationOptions.SectionName"/>.</summary>
    public const string SectionName = "Throttle";

    /// <summary>How often the figures are read while throttled and during a build. Default 1 s; range 50 ms to 1 min.</summary>
    public TimeSpan SampleInterval { get; set; } = ThrottleConstants.DefaultSampleInterval;

    /// <summary>
    /// Total time one run may spend throttled; then it stops (exit 2) before the statement it was
    /// waiting for, and a rerun resumes there. Default 30 min; range 0 (stop at the first wait) to 24 h.
    /// </summary>
    public TimeSpan WaitBudget { get; set; } = ThrottleConstants.DefaultWaitBudget;

    /// <summary>Wait while any replica's replay lag is above this. Default 10 s; 0 off; up to 24 h.</summary>
    public TimeSpan MaxReplicaLag { get; set; } = ThrottleConstants.DefaultMaxReplicaLag;

    /// <summary>Wait while more client sessions than this are running a query on the primary. Default 25; 0 off; up to 100000.</summary>
    public int MaxActiveSessions { get; set; } = ThrottleConstants.DefaultMaxActiveSessions;

    /// <summary>Wait while more sessions than this wait for a lock on the table being changed. Default 5; 0 off; up to 100000.</summary>
    public int MaxLockWaits { get; set; } = ThrottleConstants.DefaultMaxLockWaits;

    /// <summary>Wait while the probe query (<c>SELECT 1</c> on the primary) takes longer than this. Default 250 ms; 0 off; up to 1 min.</summary>
    public TimeSpan MaxProbeLatency { get; set; } = ThrottleConstants.DefaultMaxProbeLatency;

    /// <summary>Cancel a running build when a replica's lag goes above this. Default 0 (off); not below <see cref="MaxReplicaLag"/> when both are set.</summary>
    public TimeSpan CriticalReplicaLag { get; set; }

    /// <summary>Cancel a running build above this many active sessions. Default 0 (off); not below <see cref="MaxActiveSessions"/> when both are set.</summary>
    public int CriticalActiveSessions { get; set; }

    /// <summary>Cancel a running build above this many lock waiters on its table. Default 0 (off); not below <see cref="MaxLockWaits"/> when both are set.</summary>
    public int CriticalLockWaits { get; set; }

    /// <summary>Cancel a running build when the probe takes longer than this. Default 0 (off); not below <see cref="MaxProbeLatency"/> when both are set.</summary>
    public TimeSpan CriticalProbeLatency { get; set; }
}
