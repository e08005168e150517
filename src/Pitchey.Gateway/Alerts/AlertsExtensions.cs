using Microsoft.Extensions.DependencyInjection.Extensions;
using Pitchey.Database.Configuration;
using Pitchey.Gateway.Management;
using Pitchey.Gateway.StatusPage;

namespace Pitchey.Gateway.Alerts;

/// <summary>
/// Wiring for the alerts: rules and webhooks from <c>Alerts</c>, the evaluator and the webhook
/// sender in the background, <c>/admin/alerts</c> and a panel and chart on the status page. Needs
/// the breakers, the probe cache and the database insight (registered before it in <c>GatewayApp</c>).
/// </summary>
internal static class AlertsExtensions
{
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<AlertOptions, AlertOptionsValidator>(AlertOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        // The rules read the figures the status page taps; with the plane off the tap exists for them alone.
        services.TryAddSingleton<MetricsTap>();
        services.AddSingleton<AlertBook>();
        services.AddSingleton<AlertHistory>();
        services.AddSingleton<AlertMetrics>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService(static sp => sp.GetRequiredService<WebhookSender>());
        services.AddSingleton<AlertEvaluator>();
        services.AddHostedService(static sp => sp.GetRequiredService<AlertEvaluator>());
        if (ManagementPlane.Settings(builder.Configuration).Enabled)
        {
            services.AddStatusPanel(new StatusPanel(StatusPanelSlots.Alerts, "Alerts", "/admin/alerts", "items",
                [new("at", "When"), new("rule", "Rule"), new("status", "Status"), new("subject", "Subject"), new("summary", "Summary")]));
            services.AddSingleton<IStatusChart, AlertChart>();
        }

        return builder;
    }

    /// <summary><c>GET /admin/alerts</c> into the management group (key required).</summary>
    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder management)
    {
        management.MapGet("/admin/alerts", AlertEndpoints.List).WithDisplayName("management: alerts");
        return management;
    }
}
