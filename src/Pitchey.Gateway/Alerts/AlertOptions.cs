namespace Pitchey.Gateway.Alerts;

/// <summary>
/// Alert rules, evaluated in the background, and the webhooks they notify (the log is always
/// notified). Bound from <c>Alerts</c> at start-up; bounds in <see cref="AlertConstants"/>.
/// </summary>
internal sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>How often every rule is evaluated. Default 00:00:15, range 100 ms..1 h.</summary>
    public TimeSpan EvaluationInterval { get; set; } = AlertConstants.DefaultEvaluationInterval;

    /// <summary>The rules, by name (the name is in every notice).</summary>
    public IDictionary<string, AlertRuleOptions> Rules { get; } = new Dictionary<string, AlertRuleOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The webhooks, by name.</summary>
    public IDictionary<string, AlertWebhookOptions> Webhooks { get; } = new Dictionary<string, AlertWebhookOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Host names webhooks may POST to besides loopback (<c>hooks.slack.com</c>); exact names, no
    /// wildcards. Default none: loopback receivers only. See docs/observability.md (SSRF).
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>Recent notices kept for <c>/admin/alerts</c>. Default 100, range 1..10000.</summary>
    public int History { get; set; } = AlertConstants.DefaultHistory;
}
