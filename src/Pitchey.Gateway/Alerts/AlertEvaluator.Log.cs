using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Alerts;

internal sealed partial class AlertEvaluator
{
    [LoggerMessage(EventId = EventIds.AlertsConfigured, EventName = nameof(EventIds.AlertsConfigured), Level = LogLevel.Information,
        Message = "Alerts: {Rules} rules, {Webhooks} webhooks {Origins}")]
    private static partial void LogConfigured(ILogger logger, int rules, int webhooks, string origins);

    [LoggerMessage(EventId = EventIds.AlertFiring, EventName = nameof(EventIds.AlertFiring), Level = LogLevel.Warning,
        Message = "Alert {Rule} firing for {Subject} ({Severity}): {Summary}")]
    private static partial void LogFiring(ILogger logger, string rule, string subject, string severity, string summary);

    [LoggerMessage(EventId = EventIds.AlertResolved, EventName = nameof(EventIds.AlertResolved), Level = LogLevel.Information,
        Message = "Alert {Rule} resolved for {Subject}: {Summary}")]
    private static partial void LogResolved(ILogger logger, string rule, string subject, string summary);

    [LoggerMessage(EventId = EventIds.AlertSuppressed, EventName = nameof(EventIds.AlertSuppressed), Level = LogLevel.Information,
        Message = "Alert {Rule} for {Subject} {Status} within its cooldown ({Cooldown}) of the last notice: not notified")]
    private static partial void LogSuppressed(ILogger logger, string rule, string subject, string status, TimeSpan cooldown);

    [LoggerMessage(EventId = EventIds.AlertConditionFailed, EventName = nameof(EventIds.AlertConditionFailed), Level = LogLevel.Warning,
        Message = "Alert rule {Rule} could not be evaluated ({ExceptionType}); it is skipped this time")]
    private static partial void LogConditionFailed(ILogger logger, string rule, string exceptionType);
}
