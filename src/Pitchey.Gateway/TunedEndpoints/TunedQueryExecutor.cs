using Npgsql;
using Pitchey.Database.DataSources;
using Pitchey.Database.Routing;
using Pitchey.Gateway.DatabaseRouting;

namespace Pitchey.Gateway.TunedEndpoints;

/// <summary>
/// The one place tuned endpoints touch the database: every read goes through
/// <see cref="IDatabaseRouter.ReadAsync{T}"/> with the query's name and the request's read-your-writes
/// LSN, and every routed result is annotated with where it ran (<c>X-Pitchey-Db</c>, when enabled).
/// </summary>
internal sealed class TunedQueryExecutor(IDatabaseRouter router, ReadYourWrites readYourWrites, DbRoutingHeader routingHeader)
{
    public async Task<T> ReadAsync<T>(
        HttpContext context, string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> read)
    {
        var result = await router.ReadAsync(queryName, read, ReadOptionsFor(context), context.RequestAborted);
        Annotate(context, result.Host, result.OnReplica);
        return result.Value;
    }

    /// <summary>The routing inputs a request carries: the LSN of the caller's last write, if any.</summary>
    public ReadOptions? ReadOptionsFor(HttpContext context) => readYourWrites.ReadOptionsFor(context);

    /// <summary>Tells the response where the read ran, when the routing header is enabled.</summary>
    public void Annotate(HttpContext context, DatabaseHost host, bool onReplica) => routingHeader.Annotate(context, host, onReplica);
}
