using Npgsql;

namespace Pitchey.Migrations.History;

/// <summary>
/// The record of what apply did, in its own schema so it never mixes with application tables.
/// A step is identified by its statement's checksum; <c>created_index</c> marks the indexes this
/// tool built (the only ones rollback may drop). Rows are written by <see cref="HistoryWriter"/>.
/// </summary>
public static class MigrationHistory
{
    public const string SchemaName = "pitchey_migrations";
    public const string TableName = SchemaName + ".history";

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
