using Microsoft.Extensions.DependencyInjection.Extensions;
using Pitchey.Gateway.Management;

namespace Pitchey.Gateway.StatusPage;

/// <summary>Wiring for the status page at <c>/</c> on the management plane, its history and its extension points.</summary>
internal static class StatusPageExtensions
{
    /// <summary>The history and its sampler (only while the plane is on: nobody could see them otherwise).</summary>
    public static IHostApplicationBuilder AddStatusPage(this IHostApplicationBuilder builder)
    {
        if (!ManagementPlane.Settings(builder.Configuration).Enabled)
        {
            return builder;
        }

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MetricsTap>();
        services.AddSingleton<StatusHistory>();
        services.AddSingleton<StatusPageAssets>();
        services.AddSingleton<StatusPageEndpoints>();
        services.AddSingleton<HistorySampler>();
        services.AddHostedService(static sp => sp.GetRequiredService<HistorySampler>());
        services.AddSingleton<IStatusChart, RequestRateChart>();
        services.AddSingleton<IStatusChart, RequestLatencyChart>();
        services.AddSingleton<IStatusChart, QueryLatencyChart>();
        AddGauge(services, "probe-age", "Health report age", "s", "pitchey.probe.report.age");
        AddGauge(services, "replica-lag", "Replica lag", "s", "pitchey.db.replica.lag");
        AddGauge(services, "pool-usage", "Database connections in use", "", "db.client.connection.count");
        return builder;
    }

    /// <summary>A table on the status page, filled from a management endpoint (see <see cref="StatusPanel"/>).</summary>
    public static IServiceCollection AddStatusPanel(this IServiceCollection services, StatusPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return services.AddSingleton(panel);
    }

    /// <summary><c>/</c> and its two assets (no key), <c>/api/status/history</c> and <c>/api/status/panels</c> (key), into the management group.</summary>
    public static IEndpointRouteBuilder MapStatusPage(this IEndpointRouteBuilder management)
    {
        var assets = management.ServiceProvider.GetRequiredService<StatusPageAssets>();
        var data = management.ServiceProvider.GetRequiredService<StatusPageEndpoints>();
        management.MapGet("/", assets.HtmlAsync).WithManagementAccess(ManagementAccess.Anonymous).WithDisplayName("management: status page");
        management.MapGet("/assets/status.js", assets.ScriptAsync).WithManagementAccess(ManagementAccess.Anonymous).WithDisplayName("management: status script");
        management.MapGet("/assets/status.css", assets.StyleAsync).WithManagementAccess(ManagementAccess.Anonymous).WithDisplayName("management: status style");
        management.MapGet("/api/status/history", data.HistoryAsync).WithDisplayName("management: status history");
        management.MapGet("/api/status/panels", data.PanelsAsync).WithDisplayName("management: status panels");
        return management;
    }

    private static void AddGauge(IServiceCollection services, string id, string title, string unit, string instrument) =>
        services.AddSingleton<IStatusChart>(sp => new GaugeChart(sp.GetRequiredService<MetricsTap>(), id, title, unit, instrument));
}
