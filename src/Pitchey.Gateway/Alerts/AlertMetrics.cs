using System.Diagnostics.Metrics;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Alerts;

/// <summary>The alerts' instruments on the gateway's meter: firing alerts per rule, and webhook notices by outcome.</summary>
internal sealed class AlertMetrics
{
    private readonly Meter _meter;
    private readonly Counter<long> _notices;

    public AlertMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(GatewayTelemetry.Name);
        _notices = _meter.CreateCounter<long>(
            "pitchey.alerts.notifications", description: "Alert notices per webhook by outcome (delivered, failed, dropped).");
    }

    public void Observe(AlertBook book, IReadOnlyList<string> rules) =>
        _meter.CreateObservableGauge("pitchey.alerts.active", () => Firing(book, rules), description: "Firing alerts, by rule (0 for a rule with none).");

    public void Notice(string webhook, string outcome) =>
        _notices.Add(1, new KeyValuePair<string, object?>("webhook", webhook), new KeyValuePair<string, object?>("outcome", outcome));

    private static IEnumerable<Measurement<int>> Firing(AlertBook book, IReadOnlyList<string> rules)
    {
        var firing = book.Active.Where(a => a.FiringSince is not null).ToArray();
        return rules.Select(rule => new Measurement<int>(firing.Count(a => a.Rule.Name == rule), new KeyValuePair<string, object?>("rule", rule)));
    }
}
