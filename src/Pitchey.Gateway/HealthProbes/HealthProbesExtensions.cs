using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pitchey.Gateway.HealthProbes;

/// <summary>Wiring for the cached health probes.</summary>
internal static class HealthProbesExtensions
{
    /// <summary>
    /// Registers the probe cache and its background refresher. The checks themselves are ordinary
    /// <c>AddHealthChecks()</c> registrations: anything registered there is run and reported.
    /// </summary>
    public static IHostApplicationBuilder AddHealthProbes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthProbeOptions>()
            .BindConfiguration(HealthProbeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<ProbeRunner>();
        builder.Services.AddSingleton<ProbeCache>();
        builder.Services.AddHostedService<ProbeRefresher>();
        return builder;
    }
}
