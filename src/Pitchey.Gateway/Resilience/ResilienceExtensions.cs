using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Pitchey.Gateway.Resilience;

/// <summary>Wiring for circuit breakers, retries and route timeouts in front of the upstream clusters.</summary>
internal static class ResilienceExtensions
{
    /// <summary>Must come after <c>AddGatewayProxy</c>: it replaces YARP's HTTP client factory.</summary>
    public static IHostApplicationBuilder AddGatewayResilience(this IHostApplicationBuilder builder)
    {
        // Bound without a change-token source on purpose: an options monitor would re-validate on
        // every file change and throw from the reload callback. BreakerRegistry reloads these
        // itself and keeps the previous settings when new ones are invalid.
        builder.Services.AddOptions<ResilienceOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(ResilienceOptions.SectionName).Bind(options))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ResilienceOptions>, ResilienceOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BreakerRegistry>();
        builder.Services.AddSingleton<IForwarderHttpClientFactory, RetryingForwarderHttpClientFactory>();
        // YARP's per-route Timeout is enforced by ASP.NET Core's request-timeouts middleware.
        builder.Services.AddRequestTimeouts();
        builder.Services.AddHealthChecks().AddCheck<BreakerHealthCheck>(ResilienceKeys.HealthCheck);
        return builder;
    }

    /// <summary>Route timeouts for every endpoint after this point, and the breaker admin endpoints.</summary>
    public static WebApplication UseGatewayResilience(this WebApplication app)
    {
        app.UseRequestTimeouts();
        app.MapBreakerAdmin();
        return app;
    }

    /// <summary>The breaker step of YARP's proxy pipeline; goes before load balancing.</summary>
    public static void UseUpstreamBreakers(IReverseProxyApplicationBuilder pipeline) =>
        pipeline.UseMiddleware<BreakerMiddleware>();
}
