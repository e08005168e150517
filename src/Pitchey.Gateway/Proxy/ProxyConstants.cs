namespace Pitchey.Gateway.Proxy;

/// <summary>Defaults of <see cref="ProxyOptions"/>.</summary>
internal static class ProxyConstants
{
    public const string DefaultForwardedForHeader = "X-Forwarded-For";
}
