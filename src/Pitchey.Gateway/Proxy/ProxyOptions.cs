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
}
