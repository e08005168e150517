using Yarp.ReverseProxy.Transforms.Builder;

namespace Pitchey.Gateway.DatabaseRouting;

/// <summary>
/// Wiring for the HTTP side of database routing. The routing itself (monitor, router, breaker,
/// <c>replicas</c> health check) comes with <c>AddPitcheyDatabase</c>.
/// </summary>
internal static class DatabaseRoutingExtensions
{
    /// <summary>Read-your-writes (LSN on proxied writes, read options from requests) and the X-Pitchey-Db header.</summary>
    public static IHostApplicationBuilder AddDatabaseRouting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseRoutingHttpOptions>()
            .BindConfiguration(DatabaseRoutingHttpOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ReadYourWrites>();
        builder.Services.AddSingleton<DbRoutingHeader>();
        // YARP applies every registered transform provider to every route.
        builder.Services.AddSingleton<ITransformProvider, LsnResponseTransform>();
        return builder;
    }
}
