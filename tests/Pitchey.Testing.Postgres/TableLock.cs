using Npgsql;

namespace Pitchey.Testing.Postgres;

/// <summary>
/// An <c>ACCESS EXCLUSIVE</c> lock on a table, held by an open transaction until disposed: every
/// query on the table waits as long as the test needs (a fill to keep open, a turn to keep taken).
/// </summary>
public sealed class TableLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private bool _released;

    private TableLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>Sessions of the gateway (its application name) waiting on a lock now.</summary>
    public const string WaitingGatewayQueries =
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pitchey-gateway' AND wait_event_type = 'Lock'";

    /// <summary>
    /// Sessions of the gateway waiting on a lock now in a statement of <paramref name="route"/> (its
    /// leading SQL tag): a background query of either gateway on the table does not count.
    /// </summary>
    public static string WaitingGatewayQueriesOf(string route) => WaitingGatewayQueries + $" AND query LIKE '/* pitchey:route={route} */%'";

    public static async Task<TableLock> HoldAsync(string connectionString, string table)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand($"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new TableLock(connection, transaction);
    }

    /// <summary>Rolls the transaction back: the waiting queries go on.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
