using Microsoft.Extensions.DependencyInjection.Extensions;
using Pitchey.Database.Configuration;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.HealthProbes;

/// <summary>Wiring for the cached health probes.</summary>
internal static class HealthProbesExtensions
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// Registers the probe cache and its background refresher. The checks themselves are ordinary
    /// <c>AddHealthChecks()</c> registrations: anything registered there is run and reported.
    /// </summary>
    public static IHostApplicationBuilder AddHealthProbes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<HealthProbeOptions, HealthProbeOptionsValidator>(HealthProbeOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<HealthRunMetrics>();
        builder.Services.AddSingleton<ProbeCacheMetrics>();
        builder.Services.AddSingleton<ProbeRunner>();
        builder.Services.AddSingleton<ProbeCache>();
        builder.Services.AddSingleton<HealthProbeEndpoints>();
        builder.Services.AddHostedService<ProbeRefresher>();
        return builder;
    }

    /// <summary><c>/health/live</c>, <c>/health/ready</c>, <c>/health</c>, <c>/api/health</c>; GET and HEAD; never rate limited.</summary>
    public static IEndpointRouteBuilder MapHealthProbes(this IEndpointRouteBuilder endpoints)
    {
        var probes = endpoints.ServiceProvider.GetRequiredService<HealthProbeEndpoints>();
        endpoints.MapMethods(HealthProbePaths.Live, GetAndHead, probes.LiveAsync).WithDisplayName("probe: live").DisableRateLimiting();
        endpoints.MapMethods(HealthProbePaths.Ready, GetAndHead, probes.ReadyAsync).WithDisplayName("probe: ready").DisableRateLimiting();
        endpoints.MapMethods(HealthProbePaths.Summary, GetAndHead, probes.SummaryAsync).WithDisplayName("probe: health").DisableRateLimiting();
        endpoints.MapMethods(HealthProbePaths.ApiHealth, GetAndHead, probes.ApiHealthAsync).WithDisplayName("probe: api health").DisableRateLimiting();
        return endpoints;
    }

    /// <summary><c>/api/health/detailed</c> (GET and HEAD), into the management group: every check's data is for operators only.</summary>
    public static IEndpointRouteBuilder MapDetailedHealth(this IEndpointRouteBuilder management)
    {
        var probes = management.ServiceProvider.GetRequiredService<HealthProbeEndpoints>();
        management.MapMethods(HealthProbePaths.Detailed, GetAndHead, probes.DetailedAsync).WithDisplayName("management: detailed health");
        return management;
    }
}
