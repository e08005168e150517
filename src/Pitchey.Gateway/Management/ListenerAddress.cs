using System.Globalization;
using System.Net;

namespace Pitchey.Gateway.Management;

/// <summary>
/// One entry of <c>Urls</c> or <c>Management:Urls</c>, as Kestrel reads it: a scheme, a host (an IP
/// address, <c>localhost</c>, or <c>*</c>/<c>+</c> for every interface) and a port.
/// </summary>
internal sealed record ListenerAddress(string Scheme, string Host, int Port)
{
    /// <summary>The IP address to bind, or null for <c>localhost</c> (both loopbacks) and any-interface hosts.</summary>
    public IPAddress? Address => IPAddress.TryParse(Host.Trim('[', ']'), out var ip) ? ip : null;

    public bool IsLocalhost => string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase);

    public bool IsHttps => string.Equals(Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>;</c>-separated entries of <paramref name="urls"/>; false (and the 1-based index of the first bad one) when one does not parse.</summary>
    public static bool TryParseList(string? urls, bool httpOnly, out IReadOnlyList<ListenerAddress> addresses, out int badEntry)
    {
        var parsed = new List<ListenerAddress>();
        addresses = parsed;
        badEntry = 0;
        var entries = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < entries.Length; i++)
        {
            if (!TryParse(entries[i], httpOnly, out var address))
            {
                badEntry = i + 1;
                return false;
            }

            parsed.Add(address);
        }

        if (parsed.Count == 0)
        {
            badEntry = 1;
            return false;
        }

        return true;
    }

    public static bool TryParse(string url, bool httpOnly, out ListenerAddress address)
    {
        address = null!;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return false;
        }

        var scheme = url[..schemeEnd].ToLowerInvariant();
        if (scheme != Uri.UriSchemeHttp && (httpOnly || scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        var rest = url[(schemeEnd + 3)..].TrimEnd('/');
        var colon = rest.LastIndexOf(':');
        if (colon <= 0 || rest.Contains('/', StringComparison.Ordinal)
            || !int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            return false;
        }

        var host = rest[..colon];
        var known = host is "*" or "+"
            || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || IPAddress.TryParse(host.Trim('[', ']'), out _);
        // Kestrel cannot pick a free port for localhost (two sockets, one port).
        if (!known || (port == 0 && string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        address = new ListenerAddress(scheme, host, port);
        return true;
    }
}
