using Npgsql;
using Pitchey.Database.DataSources;

namespace Pitchey.Database.Routing;

/// <summary>
/// The simplest router: everything on the primary. Stands in until replica routing lands.
/// </summary>
internal sealed class PrimaryOnlyRouter(DatabaseHosts hosts) : IDatabaseRouter
{
    public async Task<RoutedResult<T>> ReadAsync<T>(
        string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> read, ReadOptions? options = null,
        CancellationToken cancellationToken = default) =>
        await RunAsync(read, cancellationToken);

    public async Task<RoutedResult<T>> WriteAsync<T>(
        string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default) =>
        await RunAsync(write, cancellationToken);

    private async Task<RoutedResult<T>> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await hosts.Primary.DataSource.OpenConnectionAsync(cancellationToken);
        return new RoutedResult<T>(await work(connection, cancellationToken), hosts.Primary, OnReplica: false);
    }
}
