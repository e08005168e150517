using Pitchey.Migrations.Throttling;

namespace Pitchey.Gateway.Cli.Migrate;

/// <summary>How a run's impact reads in apply's summary and in <c>migrate status</c>.</summary>
internal static class ImpactText
{
    public static string Describe(ImpactSummary impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        var throttled = impact.ThrottleWaits == 0
            ? "not throttled"
            : $"throttled {FigureText.Duration(impact.Throttled)} ({impact.ThrottleWaits} statement(s) waited)";
        if (impact.Samples == 0)
        {
            return $"{throttled}; no samples";
        }

        var peaks = new List<string>
        {
            impact.PeakReplicaLag is { } lag ? $"replica lag {FigureText.Duration(lag)} ({impact.PeakLagReplica})" : "replica lag n/a",
            impact.PeakActiveSessions is { } sessions ? $"{sessions} active sessions" : "active sessions n/a",
            impact.PeakLockWaits is { } waits ? $"{waits} lock waits" : "lock waits n/a",
            impact.PeakProbeLatency is { } probe ? $"probe {FigureText.Duration(probe)}" : "probe n/a",
        };
        return $"{throttled}; peaks over {impact.Samples} sample(s): {string.Join(", ", peaks)}";
    }
}
