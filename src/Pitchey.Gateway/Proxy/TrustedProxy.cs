using System.Net;

namespace Pitchey.Gateway.Proxy;

/// <summary>One <c>Proxy:TrustedProxies</c> entry: an address (<c>10.0.0.5</c>) or a network (<c>10.0.0.0/8</c>).</summary>
internal static class TrustedProxy
{
    /// <summary>Parses <paramref name="entry"/> into exactly one of <paramref name="address"/> and <paramref name="network"/>.</summary>
    public static bool TryParse(string? entry, out IPAddress? address, out IPNetwork? network)
    {
        address = null;
        network = null;
        if (entry is null)
        {
            return false;
        }

        if (entry.Contains('/', StringComparison.Ordinal))
        {
            if (!IPNetwork.TryParse(entry, out var parsed))
            {
                return false;
            }

            network = parsed;
            return true;
        }

        return IPAddress.TryParse(entry, out address);
    }
}
