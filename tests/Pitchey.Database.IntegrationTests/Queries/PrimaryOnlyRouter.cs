using Npgsql;
using Pitchey.Database.DataSources;
using Pitchey.Database.Routing;

namespace Pitchey.Database.IntegrationTests.Queries;

/// <summary>Runs everything on the primary: query tests check results, not routing.</summary>
internal sealed class PrimaryOnlyRouter(DatabaseHosts hosts) : IDatabaseRouter
{
    public Task<RoutedResult<T>> ReadAsync<T>(
        string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> read, ReadOptions? options = null,
        CancellationToken cancellationToken = default) => RunAsync(read, cancellationToken);

    public Task<RoutedResult<T>> WriteAsync<T>(
        string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default) =>
        RunAsync(write, cancellationToken);

    private async Task<RoutedResult<T>> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await hosts.Primary.DataSource.OpenConnectionAsync(cancellationToken);
        return new RoutedResult<T>(await work(connection, cancellationToken), hosts.Primary, OnReplica: false);
    }
}
