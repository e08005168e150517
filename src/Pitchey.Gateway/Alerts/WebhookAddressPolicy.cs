using System.Net;
using System.Net.Sockets;

namespace Pitchey.Gateway.Alerts;

/// <summary>
/// Where a webhook may connect (SSRF). A URL's host must be loopback or named in
/// <c>Alerts:AllowedHosts</c> (checked at start-up); at connect time every address its name
/// resolves to is checked again, so a name that later resolves elsewhere (DNS rebinding) reaches
/// nothing it should not: never link-local (169.254.0.0/16 holds cloud metadata services),
/// unspecified, multicast or broadcast addresses; a loopback host only loopback addresses, and an
/// allowed name never loopback (the management port is there). Redirects are not followed and no
/// proxy is used, so the address checked is the address reached.
/// </summary>
internal static class WebhookAddressPolicy
{
    /// <summary><c>localhost</c> or a loopback address literal.</summary>
    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>May a connection for <paramref name="host"/> go to <paramref name="address"/>?</summary>
    public static bool Allows(string host, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IsNeverAllowed(address))
        {
            return false;
        }

        return IsLoopbackHost(host) == IPAddress.IsLoopback(address);
    }

    private static bool IsNeverAllowed(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 0 || (b[0] == 169 && b[1] == 254) || b[0] >= 224;
        }

        return address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6Multicast || address.IsIPv6SiteLocal;
    }
}
