namespace Pitchey.Gateway.Alerts;

/// <summary>A notice and what became of it at each webhook it was for (<c>/admin/alerts</c>'s recent list).</summary>
/// <param name="Notified">False for a firing held back by the cooldown (and its silent resolution): logged, not sent.</param>
internal sealed record AlertRecord(AlertNotification Notice, bool Notified, IReadOnlyDictionary<string, AlertDelivery> Deliveries);
