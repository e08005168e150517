using Npgsql;

namespace Pitchey.LoadTests.Benchmarks;

/// <summary>The few statements the benchmark itself sends (not the ones it measures), on the benchmark's data source.</summary>
internal static class BenchSql
{
    public static async Task ExecuteAsync(this NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<T> ScalarAsync<T>(this NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The sort key of the row at <paramref name="offset"/> of a <c>(created_at, id)</c> query.</summary>
    public static async Task<(DateTime CreatedAt, long Id)> KeyAtAsync(
        this NpgsqlDataSource dataSource, string sql, long offset, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = offset });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetFieldValue<DateTime>(0), reader.GetInt64(1));
    }

    /// <summary>One call of a query on a connection from the pool, as the gateway makes it.</summary>
    public static async Task ConnectedAsync<T>(
        this NpgsqlDataSource dataSource, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await work(connection);
    }
}
