using Npgsql;
using Pitchey.Database.DataSources;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.History;

/// <summary>Writes the rows of <see cref="MigrationHistory"/> that carry a time: step started, building, finished, rolled back.</summary>
internal sealed class HistoryWriter(TimeProvider timeProvider)
{
    public async Task<long> StartAsync(NpgsqlConnection connection, string fileName, MigrationStatement statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(statement);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {MigrationHistory.TableName} (file_name, phase, checksum, kind, index_name, table_name, statement, status, started_at)
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
