using Npgsql;
using Pitchey.Migrations.Throttling;

namespace Pitchey.Migrations.History;

/// <summary>
/// The record of what apply did, in its own schema so it never mixes with application tables.
/// A step is identified by its statement's checksum; <c>created_index</c> marks the indexes this
/// tool built (the only ones rollback may drop). Each apply is also one row of <see cref="RunsTableName"/>
/// (its outcome, time spent throttled, the peak figures seen, the plan validation), which its steps
/// name in <c>run</c>. Rows are written by <see cref="HistoryWriter"/>.
/// </summary>
public static class MigrationHistory
{
    public const string SchemaName = "pitchey_migrations";
    public const string TableName = SchemaName + ".history";
    public const string RunsTableName = SchemaName + ".runs";

    internal static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand($"""
            CREATE SCHEMA IF NOT EXISTS {SchemaName};
            CREATE TABLE IF NOT EXISTS {TableName} (
                step           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                file_name      text NOT NULL,
                phase          integer NOT NULL,
                checksum       text NOT NULL,
                kind           text NOT NULL,
                index_name     text,
                table_name     text,
                statement      text NOT NULL,
                status         text NOT NULL,
                created_index  boolean NOT NULL DEFAULT false,
                started_at     timestamptz NOT NULL,
                finished_at    timestamptz,
                error          text
            );
            CREATE INDEX IF NOT EXISTS history_checksum ON {TableName} (checksum, status);
            CREATE TABLE IF NOT EXISTS {RunsTableName} (
                run                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                file_name             text NOT NULL,
                phase                 integer,
                status                text NOT NULL,
                started_at            timestamptz NOT NULL,
                finished_at           timestamptz,
                throttled             interval NOT NULL DEFAULT '0',
                throttle_waits        integer NOT NULL DEFAULT 0,
                samples               integer NOT NULL DEFAULT 0,
                peak_replica_lag      interval,
                peak_lag_replica      text,
                peak_active_sessions  integer,
                peak_lock_waits       integer,
                peak_probe_latency    interval,
                queries_validated     integer NOT NULL DEFAULT 0,
                regressions           integer NOT NULL DEFAULT 0,
                stop_reason           text
            );
            -- Histories made before runs were recorded gain the column; their old steps keep NULL.
            ALTER TABLE {TableName} ADD COLUMN IF NOT EXISTS run bigint;
            """, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True when the history table exists (status and rollback read it without creating it).</summary>
    public static Task<bool> ExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        TableExistsAsync(connection, TableName, cancellationToken);

    /// <summary>The runs, oldest first; none when the history predates them and no apply has run since.</summary>
    public static async Task<IReadOnlyList<RunEntry>> ReadRunsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var runs = new List<RunEntry>();
        if (!await TableExistsAsync(connection, RunsTableName, cancellationToken))
        {
            return runs;
        }

        await using var command = new NpgsqlCommand($"""
            SELECT run, file_name, phase, status, started_at, finished_at, throttled, throttle_waits, samples,
                   peak_replica_lag, peak_lag_replica, peak_active_sessions, peak_lock_waits, peak_probe_latency,
                   queries_validated, regressions, stop_reason
            FROM {RunsTableName} ORDER BY run
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            T? Value<T>(int ordinal) where T : struct => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
            string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
            runs.Add(new RunEntry(
                reader.GetInt64(0), reader.GetString(1), Value<int>(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), Value<DateTimeOffset>(5),
                new ImpactSummary(
                    reader.GetFieldValue<TimeSpan>(6), reader.GetInt32(7), reader.GetInt32(8),
                    Value<TimeSpan>(9), Text(10), Value<int>(11), Value<int>(12), Value<TimeSpan>(13)),
                reader.GetInt32(14), reader.GetInt32(15), Text(16)));
        }

        return runs;
    }

    private static async Task<bool> TableExistsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", connection);
        command.Parameters.AddWithValue("name", table);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Checksums of steps that finished (built, ran, or found already in place) and were not rolled back.</summary>
    internal static async Task<HashSet<string>> CompletedChecksumsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var done = new HashSet<string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(
            $"SELECT DISTINCT checksum FROM {TableName} WHERE status IN ('{StepStatus.Done}', '{StepStatus.Existing}')", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            done.Add(reader.GetString(0));
        }

        return done;
    }

    public static async Task<IReadOnlyList<HistoryEntry>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var entries = new List<HistoryEntry>();
        await using var command = new NpgsqlCommand($"""
            SELECT step, file_name, phase, checksum, kind, index_name, table_name, statement, status, created_index, started_at, finished_at, error, run
            FROM {TableName} ORDER BY step
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new HistoryEntry(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7), reader.GetString(8), reader.GetBoolean(9),
                reader.GetFieldValue<DateTimeOffset>(10), reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
                reader.IsDBNull(12) ? null : reader.GetString(12), reader.IsDBNull(13) ? null : reader.GetInt64(13)));
        }

        return entries;
    }
}
