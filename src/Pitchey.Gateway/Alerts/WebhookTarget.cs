namespace Pitchey.Gateway.Alerts;

/// <summary>A configured webhook: its name, its URL (a secret, never shown) and what may be shown of it, the origin.</summary>
internal sealed record WebhookTarget(string Name, Uri Url, AlertWebhookOptions Settings)
{
    /// <summary><c>https://hooks.example.com</c>: scheme, host and port, never the path or query that carry the token.</summary>
    public string Origin => Url.GetLeftPart(UriPartial.Authority);

    public string Host => Url.Host;
}
