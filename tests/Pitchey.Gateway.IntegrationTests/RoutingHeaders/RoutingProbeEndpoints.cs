using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pitchey.Database.Routing;
using Pitchey.Gateway.RoutingHeaders;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.RoutingHeaders;

/// <summary>
/// Stand-ins for the API endpoints, added after the gateway's own pipeline (answering
/// DatabaseUnavailableException the way the real ones do) and using the same seams the real ones
/// use: <see cref="ReadYourWrites.ReadOptionsFor"/>, <see cref="IDatabaseRouter"/> and
/// <see cref="DbRoutingHeader.Annotate"/>. Tests narrow the proxy route to <c>/api/</c> so these
/// paths are not forwarded.
/// <list type="bullet">
/// <item><c>GET /_routing/read</c>: <c>SELECT count(*) FROM ryw_probe</c> routed as a <c>browse</c> read; body is the count.</item>
/// <item><c>POST /_routing/write</c>: a write on the primary; body <c>ok</c>.</item>
/// </list>
/// </summary>
internal sealed class RoutingProbeEndpoints : IStartupFilter
{
    private const string ProxyPathSetting = "ReverseProxy:Routes:api:Match:Path";
    private const string ProxyPath = "/api/{**catch-all}";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Run(async context =>
        {
            try
            {
                await HandleAsync(context);
            }
            catch (DatabaseUnavailableException unavailable) when (!context.Response.HasStarted)
            {
                // What the API endpoints do with it (DatabaseFailureGuard).
                await Pitchey.Gateway.ApiEndpoints.ApiErrors.UnavailableAsync(context, unavailable.Message, unavailable.RetryAfter);
            }
        });
    };

    private static async Task HandleAsync(HttpContext context)
    {
        var router = context.RequestServices.GetRequiredService<IDatabaseRouter>();
        var header = context.RequestServices.GetRequiredService<DbRoutingHeader>();
        if (context.Request.Path == "/_routing/read")
        {
            var options = context.RequestServices.GetRequiredService<ReadYourWrites>().ReadOptionsFor(context);
            var result = await router.ReadAsync(QueryNames.Browse, static async (connection, ct) =>
            {
                await using var command = new NpgsqlCommand("SELECT count(*) FROM ryw_probe", connection);
                return (long)(await command.ExecuteScalarAsync(ct))!;
            }, options, context.RequestAborted);
            header.Annotate(context, result.Host, result.OnReplica);
            await context.Response.WriteAsync(result.Value.ToString(CultureInfo.InvariantCulture));
        }
        else if (context.Request.Path == "/_routing/write")
        {
            var result = await router.WriteAsync("probe-write", static async (connection, ct) =>
            {
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                return await command.ExecuteScalarAsync(ct);
            }, context.RequestAborted);
            header.Annotate(context, result.Host, result.OnReplica);
            await context.Response.WriteAsync("ok");
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private static void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter, RoutingProbeEndpoints>();

    /// <summary>
    /// An environment for these endpoints: a primary with <c>ryw_probe</c> and <paramref name="replicas"/>
    /// streaming replicas; gateways that serve the endpoints, forward only <c>/api/</c>, watch replicas
    /// every 0.5 s, refresh probes every second and name the host that answered (<c>X-Pitchey-Db</c>).
    /// </summary>
    public static GatewayRecipe Recipe(int replicas, bool standIn) => new()
    {
        Database = new DatabaseRecipe { Setup = "CREATE TABLE ryw_probe (id int)", Replicas = replicas },
        StandIn = standIn,
        Settings = settings =>
        {
            settings["Database:Routing:MonitorInterval"] = "00:00:00.5";
            settings["Database:Routing:MonitorTimeout"] = "00:00:00.5";
            settings["Database:Routing:Http:DecisionHeader"] = "true";
            settings["HealthProbes:CacheTtl"] = "00:00:01";
            settings[ProxyPathSetting] = ProxyPath;
        },
        Services = Register,
    };
}
