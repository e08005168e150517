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
        address = EmbeddedIPv4(address) ?? address;

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

    /// <summary>
    /// The IPv4 address an IPv6 one stands for: IPv4-mapped (::ffff:a.b.c.d) or NAT64's well-known
    /// prefix (64:ff9b::a.b.c.d), which a NAT64 gateway turns into a connection to a.b.c.d, so
    /// 64:ff9b::a9fe:a9fe is 169.254.169.254 and must be judged as such.
    /// </summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        ReadOnlySpan<byte> nat64 = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];
        return bytes[..12].SequenceEqual(nat64) ? new IPAddress(bytes[12..]) : null;
    }
}
