using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pitchey.Database.Diagnostics;
using Pitchey.Database.DataSources;
using Pitchey.Database.HealthChecks;
using Pitchey.Database.Routing;

namespace Pitchey.Database;

/// <summary>Wiring for the embedded database module.</summary>
public static class DatabaseModule
{
    /// <summary>Names of the database health checks, as they appear in health reports.</summary>
    public static class CheckNames
    {
        public const string Connectivity = "connectivity";
        public const string Performance = "performance";
        public const string Replicas = "replicas";
    }

    /// <summary>Registers the data sources (one per host) and the database health checks.</summary>
    public static IHostApplicationBuilder AddPitcheyDatabase(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<DatabaseHealthOptions>()
            .BindConfiguration(DatabaseHealthOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<DatabaseHosts>();
        AddRouting(builder.Services);

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseConnectivityHealthCheck>(CheckNames.Connectivity, HealthStatus.Unhealthy, ["database", "ready"])
            .AddCheck<DatabasePerformanceHealthCheck>(CheckNames.Performance, HealthStatus.Unhealthy, ["database", "ready"])
            .AddCheck<ReplicaHealthCheck>(CheckNames.Replicas, HealthStatus.Degraded, ["database"]);
        return builder;
    }

    /// <summary>Replica monitor, router, pipelines (retry, primary breaker) and the WAL position reader.</summary>
    private static void AddRouting(IServiceCollection services)
    {
        services.AddOptions<DatabaseRoutingOptions>()
            .BindConfiguration(DatabaseRoutingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseRoutingOptions>, DatabaseRoutingOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        DatabasePipelines.Register(services);
        services.AddSingleton<ReplicaMonitor>();
        services.AddHostedService(static sp => sp.GetRequiredService<ReplicaMonitor>());
        services.AddSingleton<RoutingMetrics>();
        services.AddSingleton<DatabaseRouter>();
        services.AddSingleton<IDatabaseRouter>(static sp => sp.GetRequiredService<DatabaseRouter>());
        services.AddSingleton<PrimaryWalPosition>();
    }
}
