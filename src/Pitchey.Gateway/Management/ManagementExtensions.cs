using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;

namespace Pitchey.Gateway.Management;

/// <summary>
/// Wiring for the management plane: a second listener, its guard, and the endpoint group every
/// operator-facing feature maps into (docs/observability.md, "Adding a management endpoint").
/// </summary>
internal static class ManagementExtensions
{
    /// <summary>
    /// With a key hash configured: both listeners bound in code (<see cref="GatewayListeners"/>) and
    /// the matcher policy that keeps their endpoints apart. Without one: nothing but the settings;
    /// Kestrel binds <c>Urls</c> as it always did and no management socket is opened.
    /// </summary>
    internal static IHostApplicationBuilder AddManagementPlane(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ManagementOptions, ManagementOptionsValidator>(ManagementOptions.SectionName);
        builder.Services.AddHostedService<ManagementAnnouncement>();
        var settings = ManagementPlane.Settings(builder.Configuration);
        if (!settings.Enabled)
        {
            return builder;
        }

        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        if (!ListenerAddress.TryParseList(string.IsNullOrWhiteSpace(urls) ? "http://localhost:5000" : urls, httpOnly: false, out var publicAddresses, out var bad))
        {
            throw new InvalidOperationException($"Urls entry {bad} is not an http(s)://host:port address with an IP address, localhost or * as host.");
        }

        var listeners = new GatewayListeners(publicAddresses, settings.Urls);
        builder.Services.AddSingleton(listeners);
        builder.Services.AddSingleton<IConfigureOptions<KestrelServerOptions>>(listeners);
        // The addresses now come from GatewayListeners; left in place, Urls would make Kestrel warn
        // at every start that code-configured listeners override it. Not empty: the host would then
        // fall back to the value it read at construction. A lone separator is a list of no addresses.
        builder.Configuration[WebHostDefaults.ServerUrlsKey] = ";";
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ManagementMatcherPolicy>());
        return builder;
    }

    /// <summary>The guard, first in the pipeline: management requests are checked before anything else sees them.</summary>
    internal static WebApplication UseManagementPlane(this WebApplication app)
    {
        if (ManagementPlane.IsEnabled(app.Services))
        {
            app.UseMiddleware<ManagementGuard>();
        }

        return app;
    }

    /// <summary>
    /// The management group: what is mapped into it answers only on the management listener, and
    /// only with the API key unless marked otherwise (<see cref="WithManagementAccess{TBuilder}"/>).
    /// Null while the plane is off: then nothing is mapped at all.
    /// </summary>
    internal static IEndpointRouteBuilder? MapManagementPlane(this WebApplication app) =>
        ManagementPlane.IsEnabled(app.Services) ? app.MapGroup("").WithMetadata(ManagementEndpoint.Key) : null;

    /// <summary>Overrides the group's "key required" for one endpoint: <see cref="ManagementAccess.Metrics"/> or <see cref="ManagementAccess.Anonymous"/>.</summary>
    internal static TBuilder WithManagementAccess<TBuilder>(this TBuilder builder, ManagementAccess access)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(access switch
        {
            ManagementAccess.Metrics => ManagementEndpoint.Metrics,
            ManagementAccess.Anonymous => ManagementEndpoint.Anonymous,
            _ => ManagementEndpoint.Key,
        });
}
