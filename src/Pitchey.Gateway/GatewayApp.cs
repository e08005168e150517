using Pitchey.Database;
using Pitchey.Gateway.ApiEndpoints;
using Pitchey.Gateway.Configuration;
using Pitchey.Gateway.Diagnostics;
using Pitchey.Gateway.HealthProbes;
using Pitchey.Gateway.Management;
using Pitchey.Gateway.Proxy;
using Pitchey.Gateway.Resilience;
using Pitchey.Gateway.RoutingHeaders;
using Pitchey.Gateway.StatusPage;

namespace Pitchey.Gateway;

/// <summary>Builds the gateway: the one ordered list of features. Public: the test host builds it the same way.</summary>
public static class GatewayApp
{
    /// <param name="args">Command-line arguments (highest precedence after <paramref name="overrides"/>).</param>
    /// <param name="overrides">Settings layered on top of everything else; tests use it.</param>
    /// <param name="configure">Last-minute changes to the builder (tests add their own health checks).</param>
    public static WebApplication Build(
        string[] args, IReadOnlyDictionary<string, string?>? overrides = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddGatewayConfiguration(args, overrides);
        builder.AddManagementPlane(); // before telemetry: the Prometheus endpoint lives on its listener
        builder.AddGatewayTelemetry();
        builder.AddPitcheyDatabase();
        builder.AddRoutingHeaders();
        builder.AddHealthProbes();
        builder.AddApiEndpoints();
        builder.AddGatewayProxy();
        builder.AddGatewayResilience(); // after the proxy: it replaces YARP's HTTP client factory
        builder.AddStatusPage();
        configure?.Invoke(builder);

        var app = builder.Build();

        // Order matters: the management guard first, so a management request is checked (Host,
        // key) before anything else sees it; forwarded headers next so everything after sees the
        // real client; probes before the proxy so they are never forwarded; resilience (request
        // timeouts) before any endpoint runs, its breakers first in the proxy pipeline.
        app.UseManagementPlane();
        app.UseGatewayForwardedHeaders();
        app.UseGatewayResilience();
        app.MapHealthProbes();
        app.MapApiEndpoints(); // literal routes: they outrank the proxy's catch-all (Order 1000)
        app.MapGatewayProxy(ResilienceExtensions.UseUpstreamBreakers);

        // The management plane (absent without Management:ApiKeySha256): what is mapped here answers
        // only on its own listener, with the key. A feature adds its operator endpoints with one
        // more MapXxx(management) line.
        if (app.MapManagementPlane() is { } management)
        {
            management.MapPrometheusMetrics();
            management.MapDetailedHealth();
            management.MapBreakerAdmin();
            management.MapStatusPage();
        }
        return app;
    }
}
