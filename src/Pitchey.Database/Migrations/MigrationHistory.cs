using Npgsql;

namespace Pitchey.Database.Migrations;

/// <summary>Status of a history row.</summary>
internal static class StepStatus
{
    public const string Started = "started";
    public const string Done = "done";
    public const string Existing = "existing";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string RolledBack = "rolled_back";
}

/// <summary>One row of <c>pitchey_migrations.history</c>: one attempt at one step.</summary>
internal sealed record HistoryEntry(
    long Step,
    string FileName,
    int Phase,
    string Checksum,
    string Kind,
    string? IndexName,
    string? TableName,
    string Statement,
    string Status,
    bool CreatedIndex,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error);

/// <summary>
/// The record of what apply did, in its own schema so it never mixes with application tables.
/// A step is identified by its statement's checksum; <c>created_index</c> marks the indexes this
/// tool built (the only ones rollback may drop).
/// </summary>
internal sealed class MigrationHistory(TimeProvider timeProvider)
{
    public const string SchemaName = "pitchey_migrations";
    public const string TableName = SchemaName + ".history";

    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
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
            """, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True when the history table exists (status and rollback read it without creating it).</summary>
    public static async Task<bool> ExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", connection);
        command.Parameters.AddWithValue("name", TableName);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<long> StartAsync(NpgsqlConnection connection, string fileName, MigrationStatement statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(statement);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {TableName} (file_name, phase, checksum, kind, index_name, table_name, statement, status, started_at)
            VALUES (@file, @phase, @checksum, @kind, @index, @table, @statement, @status, @now)
            RETURNING step
            """, connection);
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
            UPDATE {TableName} SET status = @status, created_index = created_index OR @created, finished_at = @now, error = @error
            WHERE step = @step
            """, connection);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("created", createdIndex);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        command.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("step", step);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Marks the step as having issued its CREATE INDEX: from here on the index (valid or not) is this tool's.</summary>
    public static async Task MarkCreatingAsync(NpgsqlConnection connection, long step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand($"UPDATE {TableName} SET created_index = true WHERE step = @step", connection);
        command.Parameters.AddWithValue("step", step);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Marks every attempt at <paramref name="indexName"/> as rolled back.</summary>
    public async Task MarkRolledBackAsync(NpgsqlConnection connection, string indexName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            $"UPDATE {TableName} SET status = @status, finished_at = @now WHERE index_name = @name AND created_index AND status <> @status", connection);
        command.Parameters.AddWithValue("status", StepStatus.RolledBack);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        command.Parameters.AddWithValue("name", indexName);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Checksums of steps that finished (built, ran, or found already in place) and were not rolled back.</summary>
    public static async Task<HashSet<string>> CompletedChecksumsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
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
            SELECT step, file_name, phase, checksum, kind, index_name, table_name, statement, status, created_index, started_at, finished_at, error
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
                reader.IsDBNull(12) ? null : reader.GetString(12)));
        }

        return entries;
    }
}
