namespace Pitchey.Gateway.Alerts;

/// <summary>An alert whose condition holds: pending (waiting out <c>For</c>) or firing. Mutable; owned by <see cref="AlertBook"/>.</summary>
internal sealed class AlertState(AlertRule rule, string subject, DateTimeOffset since)
{
    public AlertRule Rule { get; } = rule;

    public string Subject { get; } = subject;

    public string Key => AlertBook.KeyOf(Rule.Name, Subject);

    /// <summary>When the condition started to hold.</summary>
    public DateTimeOffset PendingSince { get; } = since;

    /// <summary>When it fired; null while pending.</summary>
    public DateTimeOffset? FiringSince { get; set; }

    /// <summary>Its firing notice went out (false: held back by the cooldown, so no "resolved" will either).</summary>
    public bool Notified { get; set; }

    public double? Value { get; set; }

    public string Summary { get; set; } = "";
}
