using Npgsql;

namespace Pitchey.Migrations.Running;

/// <summary>
/// One apply or rollback per database: a session advisory lock, taken with the session's
/// <c>lock_timeout</c> (and no <c>statement_timeout</c>) before the first step, released after the last.
/// </summary>
internal static class SessionLock
{
    // One key for apply and rollback: two runs on one database would fight over the same tables.
    private const long AdvisoryLockKey = 0x70_69_74_63_68_65_79; // "pitchey"

    public static async Task AcquireAsync(NpgsqlConnection connection, MigrationOptions options, CancellationToken cancellationToken)
    {
        await using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", AdvisoryLockKey);
            if (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                throw new InvalidOperationException("another `migrate apply` or `migrate rollback` is running against this database");
            }
        }

        var lockTimeout = (long)options.LockTimeout.TotalMilliseconds;
        await Sql.ExecuteAsync(connection, $"SET lock_timeout = {lockTimeout}; SET statement_timeout = 0", null, cancellationToken);
    }

    /// <summary>
    /// Releases the advisory lock. Npgsql resets a pooled connection only when it is next used, so
    /// without this the lock would outlive the run on an idle pooled connection.
    /// </summary>
    public static async Task ReleaseAsync(NpgsqlConnection connection, IMigrationReporter reporter)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            command.Parameters.AddWithValue("key", AdvisoryLockKey);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // A broken connection is not returned to the pool; its lock went with it.
            reporter.Note($"could not release the migration lock cleanly ({exception.GetType().Name}); it ends with the session");
        }
    }
}
