using Npgsql;
using Pitchey.Database.Routing;
using Pitchey.Gateway.Limits;
using Pitchey.Gateway.RoutingHeaders;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>
/// The one place the API endpoints touch the database: every read goes through
/// <see cref="IDatabaseRouter.ReadAsync{T}"/> with the query's name and the request's read-your-writes
/// LSN, inside a turn of <see cref="DatabaseConcurrency"/>, and every routed result is annotated with where it ran (<c>X-Pitchey-Db</c>, when enabled).
/// </summary>
internal sealed class RoutedReader(
    IDatabaseRouter router, ReadYourWrites readYourWrites, DbRoutingHeader routingHeader, DatabaseConcurrency concurrency)
{
    public async Task<T> ReadAsync<T>(
        HttpContext context, string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> read)
    {
        using var turn = await concurrency.EnterAsync(context.RequestAborted);
        var result = await router.ReadAsync(queryName, read, readYourWrites.ReadOptionsFor(context), context.RequestAborted);
        routingHeader.Annotate(context, result.Host, result.OnReplica);
        return result.Value;
    }
}
