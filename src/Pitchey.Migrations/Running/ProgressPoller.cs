using Npgsql;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Running;

/// <summary>
/// Reads <c>pg_stat_progress_create_index</c> for the building backend on a second connection, every
/// <see cref="MigrationOptions.ProgressInterval"/>, until cancelled. Progress is a courtesy: a failure
/// to read it is noted and the build goes on.
/// </summary>
internal sealed class ProgressPoller(NpgsqlDataSource dataSource, MigrationOptions options, TimeProvider timeProvider, IMigrationReporter reporter)
{
    public async Task PollAsync(int pid, MigrationStatement step, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""
                SELECT phase, blocks_done, blocks_total, tuples_done, tuples_total, lockers_done, lockers_total
                FROM pg_stat_progress_create_index WHERE pid = @pid
                """, connection);
            command.Parameters.AddWithValue("pid", pid);
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(options.ProgressInterval, timeProvider, cancellationToken);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    reporter.Progress(step, new BuildProgress(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2),
                        reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (NpgsqlException exception)
        {
            reporter.Note($"progress unavailable: {MigrationRunner.Describe(exception)}");
        }
    }
}
