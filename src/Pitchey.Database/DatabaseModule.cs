using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
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
        builder.Services.AddSingleton<IDatabaseRouter, PrimaryOnlyRouter>();

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseConnectivityHealthCheck>(CheckNames.Connectivity, HealthStatus.Unhealthy, ["database", "ready"])
            .AddCheck<DatabasePerformanceHealthCheck>(CheckNames.Performance, HealthStatus.Unhealthy, ["database", "ready"]);
        return builder;
    }
}
