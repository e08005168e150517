using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Alerts;

internal sealed partial class WebhookSender
{
    // A webhook is named with its origin (scheme, host, port): never its path or query, which carry its token.
    [LoggerMessage(EventId = EventIds.WebhookDelivered, EventName = nameof(EventIds.WebhookDelivered), Level = LogLevel.Debug,
        Message = "Alert notice {Sequence} delivered to webhook {Webhook} ({Origin}) at attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, long sequence, string webhook, string origin, int attempt);

    [LoggerMessage(EventId = EventIds.WebhookRetrying, EventName = nameof(EventIds.WebhookRetrying), Level = LogLevel.Warning,
        Message = "Webhook {Webhook} ({Origin}) failed ({Reason}) at attempt {Attempt} of {MaxAttempts}; next attempt in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, string webhook, string origin, string reason, int attempt, int maxAttempts, long delayMs);

    [LoggerMessage(EventId = EventIds.WebhookFailed, EventName = nameof(EventIds.WebhookFailed), Level = LogLevel.Error,
        Message = "Alert notice {Sequence} not delivered to webhook {Webhook} ({Origin}): {Reason} at attempt {Attempt}")]
    private static partial void LogFailed(ILogger logger, long sequence, string webhook, string origin, string reason, int attempt);

    [LoggerMessage(EventId = EventIds.WebhookDropped, EventName = nameof(EventIds.WebhookDropped), Level = LogLevel.Warning,
        Message = "Webhook {Webhook} has {Capacity} notices waiting; the oldest was dropped")]
    private static partial void LogDropped(ILogger logger, string webhook, int capacity);
}
