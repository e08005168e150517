using System.Collections.Concurrent;
using Npgsql;
using Pitchey.Database.Routing;
using Pitchey.Database.SlowQueries;
using Pitchey.Gateway.Limits;
using Pitchey.Gateway.RoutingHeaders;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>
/// The one place the API endpoints touch the database: every read goes through
/// <see cref="IDatabaseRouter.ReadAsync{T}"/> with the query's name and the request's read-your-writes
/// LSN, inside a turn of <see cref="DatabaseConcurrency"/>, and every routed result is annotated with where it ran (<c>X-Pitchey-Db</c>, when enabled).
/// The read's origin is the request's route (<c>GET /api/pitches/browse/enhanced</c>): a slow query is reported with it.
/// </summary>
internal sealed class RoutedReader(
    IDatabaseRouter router, ReadYourWrites readYourWrites, DbRoutingHeader routingHeader, DatabaseConcurrency concurrency)
{
    // One text per endpoint, made once: the origin costs a dictionary look-up per read, no allocation.
    private static readonly ConcurrentDictionary<Endpoint, string> Origins = new();

    public async Task<T> ReadAsync<T>(
        HttpContext context, string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> read)
    {
        // An async-local set in this async method: it reverts for the caller when the method returns.
        QueryOrigin.Current = OriginOf(context);
        using var turn = await concurrency.EnterAsync(context.RequestAborted);
        var result = await router.ReadAsync(queryName, read, readYourWrites.ReadOptionsFor(context), context.RequestAborted);
        routingHeader.Annotate(context, result.Host, result.OnReplica);
        return result.Value;
    }

    private static string? OriginOf(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint endpoint
            ? Origins.GetOrAdd(endpoint, static (e, method) => $"{method} {((RouteEndpoint)e).RoutePattern.RawText}", context.Request.Method)
            : null;
}
