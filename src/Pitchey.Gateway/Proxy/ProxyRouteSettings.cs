namespace Pitchey.Gateway.Proxy;

/// <summary>
/// What the gateway itself reads from YARP's routes (<c>ReverseProxy:Routes:&lt;id&gt;</c>): the rate
/// limiter policy and the limits metadata, bound only to be checked at start-up by
/// <see cref="ProxyRouteSettingsValidator"/>. YARP binds the whole section for itself.
/// </summary>
internal sealed class ProxyRouteSettings
{
    public const string SectionName = "ReverseProxy";

    public Dictionary<string, ProxyRouteEntry> Routes { get; } = new(StringComparer.OrdinalIgnoreCase);
}
