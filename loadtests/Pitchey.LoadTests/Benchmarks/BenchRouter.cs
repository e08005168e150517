using Npgsql;
using Pitchey.Database.DataSources;
using Pitchey.Database.Routing;

namespace Pitchey.LoadTests.Benchmarks;

/// <summary>Everything on the one benchmark database: routing is not what is measured.</summary>
internal sealed class BenchRouter(NpgsqlDataSource dataSource) : IDatabaseRouter
{
    private readonly DatabaseHost _host = new("bench", "bench", dataSource);

    public async Task<RoutedResult<T>> ReadAsync<T>(
        string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> read, ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return new RoutedResult<T>(await read(connection, cancellationToken), _host, false);
    }

    public Task<RoutedResult<T>> WriteAsync<T>(
        string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default) =>
        ReadAsync(queryName, write, null, cancellationToken);
}
