using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.DataSources;
using Pitchey.Migrations.Running;

namespace Pitchey.Migrations.Throttling;

/// <summary>
/// Reads the figures from the database, on connections of its own. The primary answers its WAL
/// position, the active sessions (the migration's own excluded) and the lock waits on the table in
/// one round trip, after a timed <c>SELECT 1</c> (the probe). Replica lag comes from the replicas
/// themselves when their connection strings are given (<c>--replica</c>, else <c>Database:Replicas</c>):
/// the gateway's router reads them the same way, so the throttle sees the lag the router routes by.
/// Without them it comes from <c>pg_stat_replication</c> on the primary, which lists every streaming
/// replica. Either way the replay position is turned into time by <see cref="LsnHistory"/>. A host
/// that cannot be read gives null figures and a note (once per problem), never a failed migration.
/// </summary>
internal sealed class ImpactSampler(
    NpgsqlDataSource primary, IReadOnlyList<NpgsqlDataSource> replicas, int migrationPid, TimeProvider timeProvider, IMigrationReporter reporter)
    : IImpactSource
{
    private const string FiguresSql = """
        SELECT pg_current_wal_lsn(),
               (SELECT count(*)::int FROM pg_stat_activity
                WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND pid <> @migration),
               (SELECT count(*)::int FROM pg_locks WHERE NOT granted AND locktype = 'relation' AND relation = to_regclass(@table))
        """;

    // Ordered so that a replica keeps its position while the set of replicas does not change.
    private const string ReplicationSql = """
        SELECT application_name, replay_lsn, extract(epoch FROM replay_lag)::float8
        FROM pg_stat_replication ORDER BY application_name, client_addr, client_port
        """;

    // As the router's ReplicaMonitor: a replica that has replayed all it received is on time.
    private const string ReplicaSql = """
        SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn(),
               CASE WHEN pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN 0::float8
                    ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END
        """;

    private readonly LsnHistory _history = new(timeProvider);
    private readonly HashSet<string> _noted = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<ImpactSample> SampleAsync(string? table, CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ThrottleConstants.SampleTimeout);
            var (lsn, sessions, lockWaits, probe, fromPrimary) = await ReadPrimaryAsync(table, timeout.Token, cancellationToken);
            var now = timeProvider.GetTimestamp();
            if (lsn is { } current)
            {
                _history.Add(now, current);
            }

            var figures = replicas.Count > 0
                ? await Task.WhenAll(replicas.Select((r, i) => ReadReplicaAsync(r, $"replica {i + 1}", lsn, now, timeout.Token, cancellationToken)))
                : fromPrimary.Select(r => Figure(r.Name, r.Replayed, r.ReplayLag, lsn, now)).ToArray();
            var replayed = figures.Select(f => f.Replayed).ToList();
            if (replayed.Count > 0 && replayed.All(r => r is not null))
            {
                _history.Forget(replayed.Min(r => r!.Value));
            }

            return new ImpactSample(figures.Select(f => f.Figure).ToList(), sessions, lockWaits, probe);
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<(ulong? Lsn, int? Sessions, int? LockWaits, TimeSpan? Probe, List<(string Name, ulong? Replayed, double? ReplayLag)> Replicas)> ReadPrimaryAsync(
        string? table, CancellationToken timeout, CancellationToken cancellationToken)
    {
        var fromPrimary = new List<(string, ulong?, double?)>();
        try
        {
            await using var connection = await primary.OpenConnectionAsync(timeout);
            var started = timeProvider.GetTimestamp();
            await using (var probe = new NpgsqlCommand("SELECT 1", connection))
            {
                await probe.ExecuteScalarAsync(timeout);
            }

            var latency = timeProvider.GetElapsedTime(started);
            await using var command = new NpgsqlCommand(FiguresSql, connection);
            command.Parameters.AddWithValue("migration", migrationPid);
            command.Parameters.Add(new NpgsqlParameter("table", NpgsqlDbType.Text) { Value = (object?)table ?? DBNull.Value });
            ulong lsn;
            int sessions, lockWaits;
            await using (var reader = await command.ExecuteReaderAsync(timeout))
            {
                await reader.ReadAsync(timeout);
                lsn = (ulong)reader.GetFieldValue<NpgsqlLogSequenceNumber>(0);
                (sessions, lockWaits) = (reader.GetInt32(1), reader.GetInt32(2));
            }

            if (replicas.Count == 0)
            {
                await using var replication = new NpgsqlCommand(ReplicationSql, connection);
                await using var reader = await replication.ExecuteReaderAsync(timeout);
                while (await reader.ReadAsync(timeout))
                {
                    // replay_lsn is NULL to a user without pg_read_all_stats (or pg_monitor).
                    fromPrimary.Add(($"replica {fromPrimary.Count + 1} ({reader.GetString(0)})",
                        reader.IsDBNull(1) ? null : (ulong)reader.GetFieldValue<NpgsqlLogSequenceNumber>(1),
                        reader.IsDBNull(2) ? null : reader.GetDouble(2)));
                }
            }

            return (lsn, sessions, lockWaits, latency, fromPrimary);
        }
        catch (Exception exception) when (Unreadable(exception, cancellationToken))
        {
            NoteOnce($"impact figures of the primary unavailable ({Describe(exception)}): not throttling on them until they are");
            return (null, null, null, null, fromPrimary);
        }
    }

    private async Task<(ReplicaFigure Figure, ulong? Replayed)> ReadReplicaAsync(
        NpgsqlDataSource replica, string name, ulong? primaryLsn, long now, CancellationToken timeout, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await replica.OpenConnectionAsync(timeout);
            await using var command = new NpgsqlCommand(ReplicaSql, connection);
            await using var reader = await command.ExecuteReaderAsync(timeout);
            await reader.ReadAsync(timeout);
            if (!reader.GetBoolean(0))
            {
                NoteOnce($"{name} is not in recovery (promoted, or not a replica): no lag to throttle on");
                return (new ReplicaFigure(name, null, null, "not a replica"), null);
            }

            ulong? replayed = reader.IsDBNull(1) ? null : (ulong)reader.GetFieldValue<NpgsqlLogSequenceNumber>(1);
            double? ownLag = reader.IsDBNull(2) ? null : Math.Max(0, reader.GetDouble(2));
            return Figure(name, replayed, ownLag, primaryLsn, now);
        }
        catch (Exception exception) when (Unreadable(exception, cancellationToken))
        {
            NoteOnce($"{name}: lag unknown ({Describe(exception)}); the throttle ignores it until it answers");
            return (new ReplicaFigure(name, null, null, Describe(exception)), null);
        }
    }

    /// <summary>The larger of the lag the host reports and the lag its replay position shows against the history.</summary>
    private (ReplicaFigure Figure, ulong? Replayed) Figure(string name, ulong? replayed, double? reportedSeconds, ulong? primaryLsn, long now)
    {
        if (replayed is not { } position)
        {
            NoteOnce($"{name}: replay position not visible (grant pg_monitor to the migration's user): no lag to throttle on");
            return (new ReplicaFigure(name, null, null, "replay position not visible"), null);
        }

        var behind = primaryLsn is { } current && current > position ? (long)(current - position) : 0;
        var estimate = _history.Lag(position, now);
        TimeSpan? reported = behind > 0 && reportedSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
        TimeSpan? lag = behind == 0 && primaryLsn is not null ? TimeSpan.Zero
            : estimate is null ? reported
            : reported is { } r && r > estimate ? r : estimate;
        return (new ReplicaFigure(name, lag, primaryLsn is null ? null : behind), position);
    }

    private static bool Unreadable(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && exception is NpgsqlException or OperationCanceledException or InvalidOperationException or TimeoutException;

    private static string Describe(Exception exception) =>
        exception is OperationCanceledException ? $"no answer within {FigureText.Duration(ThrottleConstants.SampleTimeout)}" : DatabaseErrors.Describe(exception);

    private void NoteOnce(string message)
    {
        lock (_noted)
        {
            if (!_noted.Add(message))
            {
                return;
            }
        }

        reporter.Note(message);
    }
}
