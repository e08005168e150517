using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Pitchey.Gateway.Diagnostics;

/// <summary>All OpenTelemetry wiring, in one place.</summary>
internal static class TelemetryExtensions
{
    /// <summary>
    /// Metrics and traces leave through OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Without
    /// an exporter nothing is collected: instrumenting requests nobody reads would only tax the hot path.
    /// </summary>
    public static IHostApplicationBuilder AddGatewayTelemetry(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "pitchey-gateway"))
            .WithMetrics(metrics => metrics
                .AddMeter(GatewayTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql")
                .AddMeter("Pitchey.Database"))
            .WithTracing(tracing => tracing
                .AddSource(GatewayTelemetry.Name)
                .AddSource("Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
        return builder;
    }
}
