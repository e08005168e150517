namespace Pitchey.Gateway.Proxy;

/// <summary>The parts of one YARP route that <see cref="ProxyRouteSettingsValidator"/> checks.</summary>
internal sealed class ProxyRouteEntry
{
    public string? RateLimiterPolicy { get; set; }

    public Dictionary<string, string> Metadata { get; } = new(StringComparer.OrdinalIgnoreCase);
}
