using Npgsql;
using Pitchey.Database.Routing;

namespace Pitchey.Gateway.IntegrationTests.Errors;

/// <summary>A router with a bug: every call throws an exception with a recognisable text that must never reach a client.</summary>
internal sealed class ThrowingRouter : IDatabaseRouter
{
    public const string Text = "boom: internal detail 7f3a9c that only the log may show";

    public Task<RoutedResult<T>> ReadAsync<T>(
        string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> read, ReadOptions? options = null,
        CancellationToken cancellationToken = default) => throw new InvalidOperationException(Text);

    public Task<RoutedResult<T>> WriteAsync<T>(
        string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Text);
}
