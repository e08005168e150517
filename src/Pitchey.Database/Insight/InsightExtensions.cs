using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using Pitchey.Database.DataSources;

namespace Pitchey.Database.Insight;

/// <summary>Wiring for the database insight (needs <see cref="DatabaseExtensions.AddPitcheyDatabase"/> for the hosts).</summary>
public static class InsightExtensions
{
    public static IHostApplicationBuilder AddWorkloadInsight(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions<InsightOptions, InsightOptionsValidator>(InsightOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<InsightMetrics>();
        // Built here: its constructor takes the module's internal metrics.
        builder.Services.AddSingleton(static sp => new InsightMonitor(
            sp.GetRequiredService<DatabaseHosts>(),
            sp.GetRequiredService<IOptions<InsightOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<InsightMetrics>(),
            sp.GetRequiredService<ILogger<InsightMonitor>>()));
        builder.Services.AddHostedService(static sp => sp.GetRequiredService<InsightMonitor>());
        return builder;
    }
}
