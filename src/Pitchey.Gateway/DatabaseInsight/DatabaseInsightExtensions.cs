using Pitchey.Database.Insight;
using Pitchey.Gateway.Management;
using Pitchey.Gateway.StatusPage;

namespace Pitchey.Gateway.DatabaseInsight;

/// <summary>
/// Wiring for the database insight on the management plane: slow queries (kept by the database
/// module's router), the workload and recommendations (read by its background monitor), their
/// endpoints under <c>/admin/db</c>, and their panels and charts on the status page.
/// </summary>
internal static class DatabaseInsightExtensions
{
    public static IHostApplicationBuilder AddDatabaseInsight(this IHostApplicationBuilder builder)
    {
        builder.AddWorkloadInsight();
        if (!ManagementPlane.Settings(builder.Configuration).Enabled)
        {
            return builder;
        }

        var services = builder.Services;
        services.AddStatusPanel(new StatusPanel(StatusPanelSlots.SlowQueries, "Slow queries", "/admin/db/slow-queries", "items",
            [new("at", "When"), new("query", "Query"), new("route", "Route"), new("host", "Host"), new("durationMs", "ms")]));
        services.AddStatusPanel(new StatusPanel(StatusPanelSlots.Recommendations, "Recommendations", "/admin/db/recommendations", "items",
            [new("severity", "Severity"), new("kind", "Kind"), new("title", "Recommendation"), new("host", "Host")]));
        services.AddSingleton<IStatusChart, SlowQueryChart>();
        services.AddSingleton<IStatusChart, SessionChart>();
        services.AddSingleton<IStatusChart, RecommendationChart>();
        return builder;
    }

    /// <summary><c>/admin/db/*</c> into the management group (key required; the one state change is a POST).</summary>
    public static IEndpointRouteBuilder MapDatabaseInsight(this IEndpointRouteBuilder management)
    {
        var group = management.MapGroup("/admin/db");
        group.MapGet("/slow-queries", SlowQueryEndpoints.List).WithDisplayName("management: slow queries");
        group.MapPost("/slow-queries/reset", SlowQueryEndpoints.Reset).WithDisplayName("management: reset slow queries");
        group.MapGet("/recommendations", InsightEndpoints.Recommendations).WithDisplayName("management: recommendations");
        group.MapGet("/indexes", InsightEndpoints.Indexes).WithDisplayName("management: indexes");
        group.MapGet("/activity", InsightEndpoints.Activity).WithDisplayName("management: database activity");
        return management;
    }
}
