namespace Pitchey.Gateway.Diagnostics;

/// <summary>Says once, at start-up, where telemetry goes.</summary>
internal sealed partial class TelemetryAnnouncement(bool prometheus, bool otlp, ILogger<TelemetryAnnouncement> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogExporters(logger, prometheus, otlp);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = EventIds.TelemetryExporters, EventName = nameof(EventIds.TelemetryExporters), Level = LogLevel.Information,
        Message = "Telemetry: Prometheus endpoint {Prometheus}, OTLP {Otlp}")]
    private static partial void LogExporters(ILogger logger, bool prometheus, bool otlp);
}
