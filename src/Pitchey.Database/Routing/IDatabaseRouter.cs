using Npgsql;
using Pitchey.Database.DataSources;

namespace Pitchey.Database.Routing;

/// <summary>
/// Decides which host runs a piece of database work and runs it there. Reads may go to a
/// replica; writes and transactions always go to the primary.
/// </summary>
public interface IDatabaseRouter
{
    /// <summary>
    /// Runs a read on a suitable host. <paramref name="queryName"/> selects the routing rule
    /// (for example <c>session</c>: always primary; <c>browse</c>: replica with a looser lag budget).
    /// </summary>
    Task<RoutedResult<T>> ReadAsync<T>(
        string queryName,
        Func<NpgsqlConnection, CancellationToken, Task<T>> read,
        ReadOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Runs a write on the primary. Never retried silently.</summary>
    Task<RoutedResult<T>> WriteAsync<T>(
        string queryName,
        Func<NpgsqlConnection, CancellationToken, Task<T>> write,
        CancellationToken cancellationToken = default);
}
