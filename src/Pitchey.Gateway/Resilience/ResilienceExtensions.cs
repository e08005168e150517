using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using Pitchey.Gateway.Diagnostics;
using Yarp.ReverseProxy.Forwarder;

namespace Pitchey.Gateway.Resilience;

/// <summary>Wiring for circuit breakers, retries and route timeouts in front of the upstream clusters.</summary>
internal static class ResilienceExtensions
{
    /// <summary>Must come after <c>AddGatewayProxy</c>: it replaces YARP's HTTP client factory.</summary>
    public static IHostApplicationBuilder AddGatewayResilience(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ResilienceOptions, ResilienceOptionsValidator>(ResilienceOptions.SectionName);
        // No change-token source: an options monitor would re-validate on every file change and
        // throw from the reload callback. BreakerRegistry reloads these settings itself, through
        // the same validator, and keeps the previous ones when new ones are invalid.
        builder.Services.RemoveAll<IOptionsChangeTokenSource<ResilienceOptions>>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ResilienceMetrics>();
        builder.Services.AddSingleton<BreakerRegistry>();
        builder.Services.AddSingleton<IForwarderHttpClientFactory, RetryingForwarderHttpClientFactory>();
        // YARP's per-route Timeout is enforced by ASP.NET Core's request-timeouts middleware.
        builder.Services.AddRequestTimeouts();
        builder.Services.AddHealthChecks().AddCheck<BreakerHealthCheck>(ResilienceKeys.HealthCheck);
        return builder;
    }

    /// <summary>Route timeouts for every endpoint after this point.</summary>
    public static WebApplication UseGatewayResilience(this WebApplication app)
    {
        app.UseRequestTimeouts();
        return app;
    }

    /// <summary>
    /// <c>GET /admin/breakers</c>, <c>POST /admin/breakers/{cluster}/isolate</c> and <c>.../reset</c>,
    /// into the management group (its key guards them; a cross-site form cannot send it).
    /// </summary>
    public static IEndpointRouteBuilder MapBreakerAdmin(this IEndpointRouteBuilder management)
    {
        var group = management.MapGroup(BreakerAdminEndpoints.Prefix);
        group.MapGet("/", BreakerAdminEndpoints.List).WithDisplayName("management: breakers");
        group.MapPost("/{cluster}/isolate", BreakerAdminEndpoints.IsolateAsync).WithDisplayName("management: isolate breaker");
        group.MapPost("/{cluster}/reset", BreakerAdminEndpoints.ResetAsync).WithDisplayName("management: reset breaker");
        return management;
    }

    /// <summary>The breaker step of YARP's proxy pipeline; goes before load balancing.</summary>
    public static void UseUpstreamBreakers(IReverseProxyApplicationBuilder pipeline) =>
        pipeline.UseMiddleware<BreakerMiddleware>();
}
