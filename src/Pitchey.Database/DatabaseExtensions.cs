using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using Pitchey.Database.DataSources;
using Pitchey.Database.Diagnostics;
using Pitchey.Database.HealthChecks;
using Pitchey.Database.Routing;
using Pitchey.Database.SlowQueries;

namespace Pitchey.Database;

/// <summary>Wiring for the embedded database module.</summary>
public static class DatabaseExtensions
{
    /// <summary>Registers the data sources (one per host), routing and the database health checks.</summary>
    public static IHostApplicationBuilder AddPitcheyDatabase(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions<DatabaseOptions, DatabaseOptionsValidator>(DatabaseOptions.SectionName);
        builder.Services.AddValidatedOptions<DatabaseHealthOptions, DatabaseHealthOptionsValidator>(DatabaseHealthOptions.SectionName);
        builder.Services.AddSingleton<DatabaseHosts>();
        AddRouting(builder.Services);

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseConnectivityHealthCheck>(DatabaseCheckNames.Connectivity, HealthStatus.Unhealthy, ["database", "ready"])
            .AddCheck<DatabasePerformanceHealthCheck>(DatabaseCheckNames.Performance, HealthStatus.Unhealthy, ["database", "ready"])
            .AddCheck<ReplicaHealthCheck>(DatabaseCheckNames.Replicas, HealthStatus.Degraded, ["database"]);
        return builder;
    }

    /// <summary>Replica monitor, router, pipelines (retry, primary breaker) and the WAL position reader.</summary>
    private static void AddRouting(IServiceCollection services)
    {
        services.AddValidatedOptions<DatabaseRoutingOptions, DatabaseRoutingOptionsValidator>(DatabaseRoutingOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        DatabasePipelines.Register(services);
        services.AddSingleton<ReplicaMonitor>();
        services.AddHostedService(static sp => sp.GetRequiredService<ReplicaMonitor>());
        services.AddSingleton<RoutingMetrics>();
        services.AddValidatedOptions<SlowQueryOptions, SlowQueryOptionsValidator>(SlowQueryOptions.SectionName);
        services.AddSingleton<SlowQueryLog>();
        services.AddSingleton<DatabaseRouter>();
        services.AddSingleton<IDatabaseRouter>(static sp => sp.GetRequiredService<DatabaseRouter>());
        // Public for the gateway's response transform, built here: its constructor takes the
        // module's internal breaker state.
        services.AddSingleton(static sp => new PrimaryWalPosition(
            sp.GetRequiredService<DatabaseHosts>(),
            sp.GetRequiredService<PrimaryBreakerState>(),
            sp.GetRequiredService<IOptions<DatabaseRoutingOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PrimaryWalPosition>>()));
    }
}
