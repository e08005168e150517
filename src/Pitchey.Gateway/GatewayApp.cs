using Pitchey.Database;
using Pitchey.Gateway.Alerts;
using Pitchey.Gateway.ApiEndpoints;
using Pitchey.Gateway.Caching;
using Pitchey.Gateway.Configuration;
using Pitchey.Gateway.DatabaseInsight;
using Pitchey.Gateway.Diagnostics;
using Pitchey.Gateway.Errors;
using Pitchey.Gateway.HealthProbes;
using Pitchey.Gateway.Limits;
using Pitchey.Gateway.Management;
using Pitchey.Gateway.Proxy;
using Pitchey.Gateway.RateLimiting;
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
        builder.AddGatewayLimits();
        builder.AddGatewayRateLimiting();
        builder.AddResponseCache();
        builder.AddHealthProbes();
        builder.AddApiEndpoints();
        builder.AddGatewayProxy();
        builder.AddGatewayResilience(); // after the proxy: it replaces YARP's HTTP client factory
        builder.AddStatusPage();
        builder.AddDatabaseInsight();
        builder.AddAlerts(); // last: its rules read the breakers, the probe cache, the insight and the status page's tap
        configure?.Invoke(builder);

        var app = builder.Build();

        // Order matters: the error handler outermost, so nothing after it can leak exception text;
        // client-address headers, forwarded headers and the public Host check before routing, so
        // everything after sees the real client; the management guard right after routing (it
        // reads the endpoint), so a management request is checked (its own Host list, the key)
        // before anything else acts on it; limits (methods, bodies) and rate limits after routing,
        // which they read, and before any endpoint or the proxy; then the response cache, so a hit
        // has passed the client's rate limit but never reaches request timeouts, the database
        // turnstile (inside the tuned endpoints) or the proxy, and a background refresh runs
        // everything after it (timeouts included) like a request; then request timeouts. Probes are
        // mapped before the proxy so they are never forwarded; the breakers come first in the
        // proxy pipeline.
        app.UseGatewayErrors();
        app.UseGatewayForwardedHeaders();
        app.UseRouting();
        app.UseManagementPlane();
        app.UseGatewayLimits();
        app.UseGatewayRateLimiting();
        app.UseResponseCache();
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
            management.MapDatabaseInsight();
            management.MapAlerts();
        }

        return app;
    }
}
