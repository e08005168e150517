using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using Pitchey.Database.DataSources;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Pitchey.Gateway.Management;

namespace Pitchey.Gateway.Diagnostics;

/// <summary>All OpenTelemetry wiring, in one place (docs/observability.md lists what it exports).</summary>
internal static class TelemetryExtensions
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The database module's meter (its routing, replica and query instruments).</summary>
    private const string DatabaseMeter = "Pitchey.Database";

    /// <summary>Polly's strategy events and durations (the database module's named pipelines).</summary>
    private const string PollyMeter = "Polly";

    /// <summary>What ASP.NET Core measures itself: requests, connections, routing, rate limiting.</summary>
    private static readonly string[] AspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting",
    ];

    /// <summary>
    /// Metrics are collected when something reads them: the Prometheus endpoint (the management plane
    /// is on) or OTLP (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set); traces only for OTLP. With neither,
    /// nothing is collected: instrumenting requests nobody reads would only tax the hot path.
    /// JSON console lines (<c>Logging:Console:FormatterName=json</c>) always carry their scopes, so
    /// each line of a request names its trace and span.
    /// </summary>
    public static IHostApplicationBuilder AddGatewayTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        var prometheus = ManagementPlane.Settings(builder.Configuration).Enabled;
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        RequestDiagnostics.TurnOffUnlessRead(builder, tracing: otlp);
        if (!prometheus && !otlp)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "pitchey-gateway"))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(GatewayTelemetry.Name, DatabaseMeter, PollyMeter)
                    // ASP.NET Core's own meters, not AddAspNetCoreInstrumentation(): on .NET 8+ that adds
                    // these same meters plus a startup filter wrapping every request in one more async
                    // middleware to tag exceptions, which the gateway's error handler catches first anyway.
                    .AddMeter(AspNetCoreMeters)
                    .AddHttpClientInstrumentation() // System.Net.Http: YARP's forwarding client
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation(); // pool usage and waits; other pools than the gateway's are left out of /metrics (ForeignPoolFilter)
                ((IDeferredMeterProviderBuilder)metrics).Configure(static (services, provider) =>
                    provider.AddView(OnlyThisHost(services.GetRequiredService<IMeterFactory>())));
                if (prometheus)
                {
                    // Each scrape renders afresh: Prometheus scrapes seldom, and a cached answer would
                    // hide counts from a test (or an operator) that scrapes right after traffic.
                    metrics.AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0);
                }
            });
        if (otlp)
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(GatewayTelemetry.Name, "Yarp.ReverseProxy")
                    .AddNpgsql()
                    .AddAspNetCoreInstrumentation(options => options.Filter = static context => !ManagementConnection.Is(context))
                    .AddHttpClientInstrumentation())
                .UseOtlpExporter();
        }

        builder.Services.AddHostedService(services => new TelemetryAnnouncement(prometheus, otlp, services.GetRequiredService<ILogger<TelemetryAnnouncement>>()));
        return builder;
    }

    /// <summary><c>/metrics</c> in the Prometheus text format, into the management group; open when <c>Management:MetricsAnonymous</c>.</summary>
    public static IEndpointRouteBuilder MapPrometheusMetrics(this IEndpointRouteBuilder management)
    {
        var pools = new ForeignPoolFilter(management.ServiceProvider.GetRequiredService<DatabaseHosts>());
        management.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(pools.InvokeAsync), optionsName: null)
            .WithManagementAccess(ManagementAccess.Metrics)
            .WithDisplayName("management: metrics");
        return management;
    }

    /// <summary>
    /// Drops instruments of meters another host's <see cref="IMeterFactory"/> made: meters are process-wide,
    /// and several gateways in one process (tests) would otherwise each export every gateway's figures.
    /// Meters made without a factory (Npgsql, Polly, the runtime) have no scope and are kept.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHost(IMeterFactory factory) =>
        instrument => instrument.Meter.Scope is IMeterFactory other && !ReferenceEquals(other, factory) ? MetricStreamConfiguration.Drop : null;
}
