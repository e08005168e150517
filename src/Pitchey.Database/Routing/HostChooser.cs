using System.Collections.Immutable;
using NpgsqlTypes;

namespace Pitchey.Database.Routing;

/// <summary>
/// Where the next try of a read runs: the best eligible replica it has not already failed on,
/// else the primary. Eligible means what <see cref="HostStatus.CanServe"/> says of the monitor's
/// last snapshot; "best" is a power-of-two-choices draw weighted by latency and load.
/// </summary>
internal sealed class HostChooser(HostSlot primary, HostSlot[] replicas, ReplicaMonitor monitor)
{
    /// <summary>Replicas past this index cannot be marked failed (the mask is 64 bits) and stay eligible.</summary>
    public const int MaxTrackedReplicas = 64;

    public HostSlot Primary { get; } = primary;

    public IReadOnlyList<HostSlot> Replicas => replicas;

    /// <param name="failedReplicas">Bit i set: replica i already failed this read.</param>
    public HostSlot Choose(RoutingTarget target, double maxLagSeconds, NpgsqlLogSequenceNumber? minimumLsn, ulong failedReplicas)
    {
        if (target == RoutingTarget.Primary || replicas.Length == 0)
        {
            return Primary;
        }

        var statuses = monitor.Current.Replicas;
        var eligible = 0;
        for (var i = 0; i < replicas.Length; i++)
        {
            if (Eligible(i))
            {
                eligible++;
            }
        }

        if (eligible == 0)
        {
            return Primary;
        }

        // Power of two random choices: two eligible replicas at random, prefer the one with the
        // lower latency x load score. It spreads load like round robin while steering away from
        // a slow or busy host, and needs no shared state beyond the in-flight counters.
        var a = Random.Shared.Next(eligible);
        var b = eligible == 1 ? a : (a + 1 + Random.Shared.Next(eligible - 1)) % eligible;
        HostSlot? first = null;
        HostSlot? second = null;
        for (int i = 0, n = 0; i < replicas.Length; i++)
        {
            if (!Eligible(i))
            {
                continue;
            }

            if (n == a)
            {
                first = replicas[i];
            }

            if (n == b)
            {
                second = replicas[i];
            }

            n++;
        }

        if (ReferenceEquals(first, second))
        {
            return first!;
        }

        // Weighted, not strict: the faster of the two wins in proportion to its speed, so a
        // replica a little slower still gets its share instead of none.
        var firstScore = Score(first!, statuses);
        var secondScore = Score(second!, statuses);
        return Random.Shared.NextDouble() * (firstScore + secondScore) < secondScore ? first! : second!;

        bool Eligible(int i) =>
            (i >= MaxTrackedReplicas || (failedReplicas & (1UL << i)) == 0) && statuses[i].CanServe(maxLagSeconds, minimumLsn);
    }

    /// <summary>The mask <paramref name="failedReplicas"/> with <paramref name="slot"/> marked failed (the primary is never marked).</summary>
    public static ulong MarkFailed(ulong failedReplicas, HostSlot? slot) =>
        slot is { Index: >= 0 and < MaxTrackedReplicas } replica ? failedReplicas | (1UL << replica.Index) : failedReplicas;

    private static double Score(HostSlot slot, ImmutableArray<HostStatus> statuses) =>
        Math.Max(statuses[slot.Index].LatencyMs, 0.05) * (1 + Volatile.Read(ref slot.InFlight));
}
