using Microsoft.Extensions.Options;
using Pitchey.Database.DataSources;

namespace Pitchey.Gateway.RoutingHeaders;

/// <summary>Tells the client where a database-backed answer came from, when the operator wants it.</summary>
internal sealed class DbRoutingHeader(IOptions<DatabaseRoutingHttpOptions> options)
{
    public const string HeaderName = "X-Pitchey-Db";

    /// <summary>
    /// Adds <c>X-Pitchey-Db: primary|replica</c> when <c>Database:Routing:Http:DecisionHeader</c>
    /// is on. Call before the response starts. The host name is not sent: the role is enough to
    /// debug with and says less about the topology.
    /// </summary>
    public void Annotate(HttpContext context, DatabaseHost host, bool onReplica)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(host);
        if (options.Value.DecisionHeader && !context.Response.HasStarted)
        {
            context.Response.Headers[HeaderName] = onReplica ? "replica" : "primary";
        }
    }
}
