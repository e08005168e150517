namespace Pitchey.Gateway.Alerts;

/// <summary>
/// <c>GET /admin/alerts</c>: the rules, the webhooks (name and origin only: the URL is a secret),
/// the alerts pending or firing now, and the recent notices with their delivery at each webhook.
/// </summary>
internal static class AlertEndpoints
{
    public static IResult List(AlertEvaluator evaluator, AlertBook book, AlertHistory history, WebhookSender sender)
    {
        var recent = history.Recent();
        return Results.Ok(new
        {
            evaluationIntervalSeconds = evaluator.Interval.TotalSeconds,
            evaluations = evaluator.Evaluations,
            rules = evaluator.Rules.Select(r => new
            {
                name = r.Name,
                kind = r.KindWord,
                severity = r.Settings.Severity,
                threshold = r.Threshold,
                windowSeconds = r.Settings.Window.TotalSeconds,
                forSeconds = r.Settings.For.TotalSeconds,
                cooldownSeconds = r.Settings.Cooldown.TotalSeconds,
                query = r.Settings.Query,
                cluster = r.Settings.Cluster,
                host = r.Settings.Host,
                webhooks = r.Settings.Webhooks.Count == 0 ? sender.Targets.Select(t => t.Name).ToArray() : [.. r.Settings.Webhooks],
            }),
            webhooks = sender.Targets.Select(t => new
            {
                name = t.Name,
                origin = t.Origin,
                pending = sender.Pending(t.Name),
                delivered = recent.Count(n => Is(n, t.Name, "delivered")),
                failed = recent.Count(n => Is(n, t.Name, "failed")),
                dropped = recent.Count(n => Is(n, t.Name, "dropped")),
            }),
            active = book.Active.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new
            {
                id = a.Key,
                rule = a.Rule.Name,
                kind = a.Rule.KindWord,
                severity = a.Rule.Settings.Severity,
                subject = a.Subject,
                status = a.FiringSince is null ? "pending" : "firing",
                since = a.FiringSince ?? a.PendingSince,
                notified = a.Notified,
                value = a.Value,
                summary = a.Summary,
            }),
            items = recent.Select(r => new
            {
                sequence = r.Notice.Sequence,
                at = r.Notice.SentAt,
                id = r.Notice.Id,
                rule = r.Notice.Rule,
                status = r.Notified ? r.Notice.Status : r.Notice.Status + " (cooldown: not sent)",
                severity = r.Notice.Severity,
                subject = r.Notice.Subject,
                summary = r.Notice.Summary,
                deliveries = r.Deliveries.ToDictionary(
                    d => d.Key, d => new { state = d.Value.State, attempts = d.Value.Attempts, lastStatus = d.Value.LastStatus }, StringComparer.Ordinal),
            }),
        });
    }

    private static bool Is(AlertRecord record, string webhook, string state) =>
        record.Deliveries.TryGetValue(webhook, out var delivery) && delivery.State == state;
}
