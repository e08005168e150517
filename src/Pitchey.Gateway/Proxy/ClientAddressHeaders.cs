namespace Pitchey.Gateway.Proxy;

/// <summary>
/// The header names <c>Proxy:ClientAddressHeaders</c> lists: exact names, or prefixes written with a
/// trailing <c>*</c> (<c>X-Forwarded-*</c>). Built once from validated settings.
/// </summary>
internal sealed class ClientAddressHeaders
{
    /// <summary>
    /// Every header a proxy, CDN or load balancer uses to claim a client's address, scheme or host
    /// (Forwarded, the X-Forwarded-* family, and the vendors' own), plus X-Original-*, which
    /// ASP.NET Core's forwarded-headers step writes. From an untrusted caller any of these is a lie
    /// waiting to be believed by the upstream.
    /// </summary>
    public static readonly string[] Defaults =
    [
        "Forwarded", "X-Forwarded-*", "X-Real-IP", "X-Client-IP", "True-Client-IP", "CF-Connecting-IP", "CF-Connecting-IPv6",
        "CF-Pseudo-IPv4", "X-Cluster-Client-IP", "Fastly-Client-IP", "X-Originating-IP", "Client-IP", "X-Original-For",
        "X-Original-Host", "X-Original-Proto", "X-Remote-IP", "X-Remote-Addr", "X-ProxyUser-IP", "X-Envoy-External-Address",
        "X-Azure-ClientIP", "X-Azure-SocketIP", "X-AppEngine-User-IP", "X-Host", "X-Proxy-Client-IP", "WL-Proxy-Client-IP",
    ];

    private readonly HashSet<string> _names;
    private readonly string[] _prefixes;

    public ClientAddressHeaders(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToArray();
        _names = new HashSet<string>(list.Where(e => !e.EndsWith('*')), StringComparer.OrdinalIgnoreCase);
        _prefixes = list.Where(e => e.EndsWith('*')).Select(e => e[..^1]).ToArray();
    }

    public bool Matches(string headerName)
    {
        if (_names.Contains(headerName))
        {
            return true;
        }

        foreach (var prefix in _prefixes)
        {
            if (headerName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An entry is a header name (RFC 9110 token characters), optionally ending in one <c>*</c>.</summary>
    public static bool IsValidEntry(string? entry)
    {
        if (string.IsNullOrEmpty(entry))
        {
            return false;
        }

        var name = entry.EndsWith('*') ? entry.AsSpan(0, entry.Length - 1) : entry.AsSpan();
        if (name.IsEmpty)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'+-.^_`|~".Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }
}
