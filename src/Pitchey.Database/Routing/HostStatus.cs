using NpgsqlTypes;
using Pitchey.Database.DataSources;

namespace Pitchey.Database.Routing;

/// <summary>
/// What the monitor last learnt about one host. Immutable: the monitor swaps whole snapshots.
/// </summary>
/// <param name="Host">The host (name and endpoint are safe to show).</param>
/// <param name="Checked">Whether the host has been checked at all yet.</param>
/// <param name="Reachable">The last check connected and got an answer.</param>
/// <param name="InRecovery"><c>pg_is_in_recovery()</c>: true for a standby, false for a primary.</param>
/// <param name="Lsn">Primary: <c>pg_current_wal_lsn()</c>. Replica: <c>pg_last_wal_replay_lsn()</c>.</param>
/// <param name="LagBytes">Replica: WAL the replica has not replayed yet (primary's LSN minus replay LSN), else 0.</param>
/// <param name="LagSeconds">
/// Replica: 0 when it has replayed all it received, else <c>now() - pg_last_xact_replay_timestamp()</c>;
/// null when unknown (never replayed a transaction while behind).
/// </param>
/// <param name="LatencyMs">Round trip of the last check, smoothed (EWMA).</param>
/// <param name="CheckedAt">When the last check ended.</param>
/// <param name="Error">A safe, short reason when unreachable.</param>
public sealed record HostStatus(
    DatabaseHost Host,
    bool Checked,
    bool Reachable,
    bool InRecovery,
    NpgsqlLogSequenceNumber? Lsn,
    long LagBytes,
    double? LagSeconds,
    double LatencyMs,
    DateTimeOffset CheckedAt,
    string? Error)
{
    public static HostStatus Unchecked(DatabaseHost host) =>
        new(host, Checked: false, Reachable: false, InRecovery: false, Lsn: null, LagBytes: 0, LagSeconds: null,
            LatencyMs: 0, CheckedAt: DateTimeOffset.MinValue, Error: "not checked yet");

    /// <summary>A replica that may serve a read needing at most this lag and at least this LSN.</summary>
    public bool CanServe(double maxLagSeconds, NpgsqlLogSequenceNumber? minimumLsn) =>
        Reachable && InRecovery && LagSeconds is { } lag && lag <= maxLagSeconds
        && (minimumLsn is not { } wanted || (Lsn is { } replayed && replayed >= wanted));
}
