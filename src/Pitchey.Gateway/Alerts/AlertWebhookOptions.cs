namespace Pitchey.Gateway.Alerts;

/// <summary>
/// One webhook (<c>Alerts:Webhooks:&lt;name&gt;</c>): a JSON POST per notice, retried with exponential
/// backoff. The URL is treated as a secret (chat webhooks carry their token in it): it is never
/// logged or shown, only the webhook's name and host.
/// </summary>
internal sealed class AlertWebhookOptions
{
    /// <summary>
    /// Where to POST. Required. https, or http to a loopback receiver; the host must be loopback or
    /// listed in <c>Alerts:AllowedHosts</c>. No credentials in it (user:password@).
    /// </summary>
    public string? Url { get; set; }

    /// <summary>Longest one attempt may take, connecting included. Default 00:00:05, range 100 ms..1 min.</summary>
    public TimeSpan Timeout { get; set; } = AlertConstants.DefaultWebhookTimeout;

    /// <summary>Attempts per notice (a 2xx ends them; other 4xx than 408 and 429 too, as failed). Default 5, range 1..20.</summary>
    public int MaxAttempts { get; set; } = AlertConstants.DefaultMaxAttempts;

    /// <summary>Wait before the second attempt, doubling each time (with up to 20 % jitter). Default 00:00:01, range 10 ms..1 h.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = AlertConstants.DefaultRetryBaseDelay;

    /// <summary>Longest wait between attempts. Default 00:01:00, range 10 ms..1 h, at least RetryBaseDelay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = AlertConstants.DefaultRetryMaxDelay;
}
