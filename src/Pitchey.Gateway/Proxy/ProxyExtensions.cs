using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Proxy;

/// <summary>Wiring for forwarding: YARP from the <c>ReverseProxy</c> section, and forwarded-header trust.</summary>
internal static partial class ProxyExtensions
{
    public const string ReverseProxySection = "ReverseProxy";

    public static IHostApplicationBuilder AddGatewayProxy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ProxyOptions, ProxyOptionsValidator>(ProxyOptions.SectionName);
        builder.Services.AddValidatedOptions<ProxyRouteSettings, ProxyRouteSettingsValidator>(ProxyRouteSettings.SectionName);
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ProxyOptions>>((forwarded, proxy) => ConfigureTrust(forwarded, proxy.Value));
        builder.Services.AddSingleton(services =>
            new ClientAddressHeaders(services.GetRequiredService<IOptions<ProxyOptions>>().Value.ClientAddressHeadersOrDefault()));

        DefaultHostFilter.Remove(builder.Services);

        // YARP's default X-Forwarded-* transform replaces (Set) whatever the client sent with what
        // the gateway saw; after UseForwardedHeaders that is the real client behind a trusted proxy.
        // Other client-address headers from untrusted callers are gone before YARP sees the request
        // (ClientAddressHeaderFilter).
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection(ReverseProxySection));
        return builder;
    }

    /// <summary>
    /// Drops client-address headers from untrusted callers, then believes X-Forwarded-* (or the
    /// configured header) from trusted proxies (without any, that step is skipped), then checks Host.
    /// </summary>
    public static WebApplication UseGatewayForwardedHeaders(this WebApplication app)
    {
        app.UseMiddleware<ClientAddressHeaderFilter>();
        var proxy = app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value;
        if (proxy.TrustedProxies.Count > 0)
        {
            LogTrustedProxies(app.Logger, proxy.TrustedProxies.Count);
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<HostCheckMiddleware>();
        return app;
    }

    /// <param name="endpoints">The app.</param>
    /// <param name="beforeLoadBalancing">Steps that run first in the proxy pipeline (the circuit breakers).</param>
    public static IEndpointRouteBuilder MapGatewayProxy(
        this IEndpointRouteBuilder endpoints, Action<IReverseProxyApplicationBuilder>? beforeLoadBalancing = null)
    {
        // YARP loads its routes right here; the gateway's own check of them (rate limiter policy
        // names, limits metadata) goes first, so a typo stops start-up with a message naming the key.
        _ = endpoints.ServiceProvider.GetRequiredService<IOptions<ProxyRouteSettings>>().Value;
        endpoints.MapReverseProxy(pipeline =>
        {
            beforeLoadBalancing?.Invoke(pipeline);

            // YARP's default pipeline, which a custom one replaces.
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
        return endpoints;
    }

    private static void ConfigureTrust(ForwardedHeadersOptions forwarded, ProxyOptions proxy)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        forwarded.ForwardedForHeaderName = proxy.ForwardedForHeader;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var entry in proxy.TrustedProxies)
        {
            // ProxyOptionsValidator has already refused start-up over an entry that does not parse.
            TrustedProxy.TryParse(entry, out var address, out var network);
            if (network is { } known)
            {
                forwarded.KnownIPNetworks.Add(known);
            }
            else if (address is not null)
            {
                forwarded.KnownProxies.Add(address);
            }
        }
    }

    [LoggerMessage(EventId = EventIds.TrustedProxiesConfigured, EventName = nameof(EventIds.TrustedProxiesConfigured), Level = LogLevel.Information,
        Message = "Believing X-Forwarded-* from {Count} trusted proxy entries")]
    private static partial void LogTrustedProxies(ILogger logger, int count);
}
