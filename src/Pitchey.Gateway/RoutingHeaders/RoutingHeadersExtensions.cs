using Microsoft.Extensions.DependencyInjection.Extensions;
using Pitchey.Database.Configuration;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Pitchey.Gateway.RoutingHeaders;

/// <summary>
/// Wiring for the HTTP side of database routing. The routing itself (monitor, router, breaker,
/// <c>replicas</c> health check) comes with <c>AddPitcheyDatabase</c>.
/// </summary>
internal static class RoutingHeadersExtensions
{
    /// <summary>Read-your-writes (LSN on proxied writes, read options from requests) and the X-Pitchey-Db header.</summary>
    public static IHostApplicationBuilder AddRoutingHeaders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<DatabaseRoutingHttpOptions, DatabaseRoutingHttpOptionsValidator>(DatabaseRoutingHttpOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LsnTokens>();
        builder.Services.AddSingleton<ReadYourWrites>();
        builder.Services.AddSingleton<DbRoutingHeader>();
        // YARP applies every registered transform provider to every route.
        builder.Services.AddSingleton<ITransformProvider, LsnResponseTransform>();
        return builder;
    }
}
