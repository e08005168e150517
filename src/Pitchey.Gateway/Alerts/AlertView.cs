namespace Pitchey.Gateway.Alerts;

/// <summary>An alert as it was at one moment: what notices, the endpoint and the metrics are made from. Immutable.</summary>
internal sealed record AlertView(
    AlertRule Rule,
    string Subject,
    DateTimeOffset PendingSince,
    DateTimeOffset? FiringSince,
    bool Notified,
    double? Value,
    string Summary,
    DateTimeOffset? EndedAt = null)
{
    public string Key => AlertBook.KeyOf(Rule.Name, Subject);

    public static AlertView Of(AlertState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.Rule, state.Subject, state.PendingSince, state.FiringSince, state.Notified, state.Value, state.Summary);
    }
}
