using Npgsql;
using Pitchey.Database.DataSources;
using Pitchey.Migrations.Scripts;
using Pitchey.Migrations.Throttling;

namespace Pitchey.Migrations.History;

/// <summary>Writes the rows of <see cref="MigrationHistory"/> that carry a time: run started and ended, step started, building, finished, rolled back.</summary>
internal sealed class HistoryWriter(TimeProvider timeProvider)
{
    public async Task<long> StartRunAsync(NpgsqlConnection connection, string fileName, int? phase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {MigrationHistory.RunsTableName} (file_name, phase, status, started_at) VALUES (@file, @phase, @status, @now) RETURNING run",
            connection);
        command.Parameters.AddWithValue("file", fileName);
        command.Parameters.AddWithValue("phase", (object?)phase ?? DBNull.Value);
        command.Parameters.AddWithValue("status", StepStatus.Running);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Records how a run ended and what it did to the database. Like <see cref="TryFinishAsync"/> it
    /// runs on paths where the connection may be broken, so a failure to write is only noted.
    /// </summary>
    public async Task TryFinishRunAsync(
        NpgsqlConnection connection, long run, string status, ImpactSummary impact, int validated, int regressions, string? stopReason, Action<string> note)
    {
        ArgumentNullException.ThrowIfNull(impact);
        ArgumentNullException.ThrowIfNull(note);
        try
        {
            await using var command = new NpgsqlCommand($"""
                UPDATE {MigrationHistory.RunsTableName} SET status = @status, finished_at = @now, throttled = @throttled,
                    throttle_waits = @waits, samples = @samples, peak_replica_lag = @lag, peak_lag_replica = @replica,
                    peak_active_sessions = @sessions, peak_lock_waits = @lockWaits, peak_probe_latency = @probe,
                    queries_validated = @validated, regressions = @regressions, stop_reason = @reason
                WHERE run = @run
                """, connection);
            command.Parameters.AddWithValue("status", status);
            command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
            command.Parameters.AddWithValue("throttled", impact.Throttled);
            command.Parameters.AddWithValue("waits", impact.ThrottleWaits);
            command.Parameters.AddWithValue("samples", impact.Samples);
            command.Parameters.AddWithValue("lag", (object?)impact.PeakReplicaLag ?? DBNull.Value);
            command.Parameters.AddWithValue("replica", (object?)impact.PeakLagReplica ?? DBNull.Value);
            command.Parameters.AddWithValue("sessions", (object?)impact.PeakActiveSessions ?? DBNull.Value);
            command.Parameters.AddWithValue("lockWaits", (object?)impact.PeakLockWaits ?? DBNull.Value);
            command.Parameters.AddWithValue("probe", (object?)impact.PeakProbeLatency ?? DBNull.Value);
            command.Parameters.AddWithValue("validated", validated);
            command.Parameters.AddWithValue("regressions", regressions);
            command.Parameters.AddWithValue("reason", (object?)stopReason ?? DBNull.Value);
            command.Parameters.AddWithValue("run", run);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            note($"could not record run {run} as {status} ({DatabaseErrors.Describe(exception)}); `migrate status` shows it as running");
        }
    }

    public async Task<long> StartAsync(NpgsqlConnection connection, long? run, string fileName, MigrationStatement statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(statement);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {MigrationHistory.TableName} (run, file_name, phase, checksum, kind, index_name, table_name, statement, status, started_at)
            VALUES (@run, @file, @phase, @checksum, @kind, @index, @table, @statement, @status, @now)
            RETURNING step
            """, connection);
        command.Parameters.AddWithValue("run", (object?)run ?? DBNull.Value);
        command.Parameters.AddWithValue("file", fileName);
        command.Parameters.AddWithValue("phase", statement.Source.Phase);
        command.Parameters.AddWithValue("checksum", statement.Checksum);
        command.Parameters.AddWithValue("kind", statement.Kind.ToString());
        command.Parameters.AddWithValue("index", (object?)statement.Index?.Name ?? DBNull.Value);
        command.Parameters.AddWithValue("table", (object?)statement.Tables.FirstOrDefault() ?? DBNull.Value);
        command.Parameters.AddWithValue("statement", statement.Source.Text);
        command.Parameters.AddWithValue("status", StepStatus.Started);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task FinishAsync(NpgsqlConnection connection, long step, string status, bool createdIndex, string? error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand($"""
            UPDATE {MigrationHistory.TableName} SET status = @status, created_index = created_index OR @created, finished_at = @now, error = @error
            WHERE step = @step
            """, connection);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("created", createdIndex);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        command.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("step", step);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Records how a step ended on the failure paths, where the connection may itself be broken:
    /// a history write that fails must not hide the failure being reported, so it is only noted.
    /// </summary>
    public async Task TryFinishAsync(NpgsqlConnection connection, long step, string status, bool createdIndex, string? error, Action<string> note)
    {
        try
        {
            await FinishAsync(connection, step, status, createdIndex, error, CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            note($"could not record step {step} as {status} ({DatabaseErrors.Describe(exception)}); `migrate status` shows it as started");
        }
    }

    /// <summary>Marks the step as having issued its CREATE INDEX: from here on the index (valid or not) is this tool's.</summary>
    public async Task MarkCreatingAsync(NpgsqlConnection connection, long step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand($"UPDATE {MigrationHistory.TableName} SET created_index = true WHERE step = @step", connection);
        command.Parameters.AddWithValue("step", step);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Marks every attempt at <paramref name="indexName"/> as rolled back.</summary>
    public async Task MarkRolledBackAsync(NpgsqlConnection connection, string indexName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            $"UPDATE {MigrationHistory.TableName} SET status = @status, finished_at = @now WHERE index_name = @name AND created_index AND status <> @status", connection);
        command.Parameters.AddWithValue("status", StepStatus.RolledBack);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        command.Parameters.AddWithValue("name", indexName);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
