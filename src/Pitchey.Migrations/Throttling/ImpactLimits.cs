namespace Pitchey.Migrations.Throttling;

/// <summary>Which figures of a sample are above their limits: the throttle's (<c>Max*</c>) or the critical ones.</summary>
public static class ImpactLimits
{
    public const string KeyPrefix = MigrationOptions.SectionName + ":" + ThrottleOptions.SectionName + ":";

    public static IReadOnlyList<LimitBreach> Throttling(ImpactSample sample, ThrottleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Breaches(sample, "Max", options.MaxReplicaLag, options.MaxActiveSessions, options.MaxLockWaits, options.MaxProbeLatency);
    }

    public static IReadOnlyList<LimitBreach> Critical(ImpactSample sample, ThrottleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Breaches(sample, "Critical", options.CriticalReplicaLag, options.CriticalActiveSessions, options.CriticalLockWaits, options.CriticalProbeLatency);
    }

    /// <summary>True when any critical limit is set (the figures are sampled during builds either way, for the peaks).</summary>
    public static bool AnyCritical(ThrottleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.CriticalReplicaLag > TimeSpan.Zero || options.CriticalActiveSessions > 0
            || options.CriticalLockWaits > 0 || options.CriticalProbeLatency > TimeSpan.Zero;
    }

    private static List<LimitBreach> Breaches(ImpactSample sample, string kind, TimeSpan lag, int sessions, int lockWaits, TimeSpan probe)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var found = new List<LimitBreach>();
        if (lag > TimeSpan.Zero)
        {
            foreach (var replica in sample.Replicas)
            {
                if (replica.Lag is { } value && value > lag)
                {
                    found.Add(new($"{KeyPrefix}{kind}ReplicaLag", $"{replica.Name} lag {FigureText.Duration(value)} > {FigureText.Duration(lag)}"));
                }
            }
        }

        if (sessions > 0 && sample.ActiveSessions is { } active && active > sessions)
        {
            found.Add(new($"{KeyPrefix}{kind}ActiveSessions", $"{active} active sessions > {sessions}"));
        }

        if (lockWaits > 0 && sample.LockWaits is { } waits && waits > lockWaits)
        {
            found.Add(new($"{KeyPrefix}{kind}LockWaits", $"{waits} lock waits on the table > {lockWaits}"));
        }

        if (probe > TimeSpan.Zero && sample.ProbeLatency is { } latency && latency > probe)
        {
            found.Add(new($"{KeyPrefix}{kind}ProbeLatency", $"probe {FigureText.Duration(latency)} > {FigureText.Duration(probe)}"));
        }

        return found;
    }
}
