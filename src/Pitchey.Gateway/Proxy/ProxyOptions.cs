namespace Pitchey.Gateway.Proxy;

/// <summary>Forwarding settings beyond YARP's own <c>ReverseProxy</c> section. Bound from <c>Proxy</c>.</summary>
internal sealed class ProxyOptions
{
    public const string SectionName = "Proxy";

    /// <summary>
    /// Addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/8</c>) of load balancers whose
    /// X-Forwarded-For/Proto/Host the gateway believes. Default: none, so every caller's own
    /// socket address is what the upstream is told, whatever headers it sent.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>
    /// Headers dropped from every request whose socket peer is not in <see cref="TrustedProxies"/>:
    /// exact names, or prefixes ending in <c>*</c>. Setting it replaces the whole default
    /// (<see cref="Proxy.ClientAddressHeaders.Defaults"/>: Forwarded, X-Forwarded-*, X-Real-IP,
    /// True-Client-IP, CF-Connecting-IP and the like), so restate the defaults to add a name.
    /// </summary>
    public IList<string>? ClientAddressHeaders { get; set; }

    /// <summary>
    /// The header a trusted proxy puts the client's address in. Default <c>X-Forwarded-For</c>;
    /// e.g. <c>CF-Connecting-IP</c> behind Cloudflare, <c>X-Real-IP</c> behind an nginx set up that way.
    /// </summary>
    public string ForwardedForHeader { get; set; } = ProxyConstants.DefaultForwardedForHeader;

    public IEnumerable<string> ClientAddressHeadersOrDefault() =>
        ClientAddressHeaders is { Count: > 0 } configured ? configured : Proxy.ClientAddressHeaders.Defaults;
}
