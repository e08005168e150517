namespace Pitchey.Migrations.Throttling;

/// <summary>Defaults and bounds of <see cref="ThrottleOptions"/>. A limit of zero is off.</summary>
public static class ThrottleConstants
{
    public static readonly TimeSpan DefaultSampleInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MinSampleInterval = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan MaxSampleInterval = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan DefaultWaitBudget = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MaxWaitBudget = TimeSpan.FromHours(24);

    public static readonly TimeSpan DefaultMaxReplicaLag = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxReplicaLagBound = TimeSpan.FromHours(24);

    // pt-online-schema-change's --max-load default (Threads_running=25): the nearest published precedent.
    public const int DefaultMaxActiveSessions = 25;
    public const int MaxSessionsBound = 100_000;

    public const int DefaultMaxLockWaits = 5;

    // The figure at which the gateway's own database health check reports degraded (Database:HealthChecks:DegradedLatencyMs).
    public static readonly TimeSpan DefaultMaxProbeLatency = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan MaxProbeLatencyBound = TimeSpan.FromMinutes(1);

    /// <summary>How long one sample may wait for a host before that host counts as unreachable for the sample.</summary>
    public static readonly TimeSpan SampleTimeout = TimeSpan.FromSeconds(5);
}
