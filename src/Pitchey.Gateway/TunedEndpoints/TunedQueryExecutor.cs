using Npgsql;
using Pitchey.Database.DataSources;
using Pitchey.Database.Routing;

namespace Pitchey.Gateway.TunedEndpoints;

/// <summary>
/// The one place tuned endpoints touch the database: every read goes through
/// <see cref="IDatabaseRouter.ReadAsync{T}"/> with the query's name, and every routed result passes
/// <see cref="Annotate"/>. The two seams below are where read-your-writes and the routing header
/// plug in; the rest of the endpoints need not change for them.
/// </summary>
internal sealed class TunedQueryExecutor(IDatabaseRouter router)
{
    public async Task<T> ReadAsync<T>(
        HttpContext context, string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> read)
    {
        var result = await router.ReadAsync(queryName, read, ReadOptionsFor(context), context.RequestAborted);
        Annotate(context, result.Host, result.OnReplica);
        return result.Value;
    }

    /// <summary>
    /// SEAM 1 (read-your-writes): the routing inputs a request carries, such as the commit LSN of the
    /// caller's last write. Null for now: any host the router picks may serve the read.
    /// </summary>
    public ReadOptions? ReadOptionsFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return null;
    }

    /// <summary>
    /// SEAM 2 (routing header): tells the response where the read ran (<c>X-Pitchey-Db</c>).
    /// Does nothing for now.
    /// </summary>
    public void Annotate(HttpContext context, DatabaseHost host, bool onReplica)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(host);
    }
}
