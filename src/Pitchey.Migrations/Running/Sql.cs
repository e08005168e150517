using Npgsql;

namespace Pitchey.Migrations.Running;

/// <summary>Runs a statement on the migration's own connection.</summary>
internal static class Sql
{
    /// <summary>SQLSTATE lock_not_available: <c>lock_timeout</c> expired.</summary>
    public const string LockNotAvailable = "55P03";

    /// <param name="commandTimeout">Seconds; 0 for none (index builds legitimately take hours); null keeps the connection's.</param>
    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, int? commandTimeout, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (commandTimeout is { } seconds)
        {
            command.CommandTimeout = seconds;
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
