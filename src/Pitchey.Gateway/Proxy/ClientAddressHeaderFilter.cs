using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Pitchey.Gateway.Proxy;

/// <summary>
/// Before anything reads them: a request whose socket peer is not a trusted proxy loses every
/// header of <see cref="ClientAddressHeaders"/>, so neither the gateway (forwarded headers, rate
/// limits) nor the upstream can be told a made-up origin. A trusted proxy's headers stay: the
/// forwarded-headers step believes its X-Forwarded-For/Proto/Host, and the rest reach the upstream
/// as that proxy set them. YARP then sets X-Forwarded-For/Proto/Host from what the gateway saw.
/// </summary>
internal sealed class ClientAddressHeaderFilter(RequestDelegate next, ClientAddressHeaders headers, IOptions<ForwardedHeadersOptions> trust)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!IsTrustedPeer(context.Connection.RemoteIpAddress, trust.Value))
        {
            Strip(context.Request.Headers, headers);
        }

        return next(context);
    }

    internal static bool IsTrustedPeer(IPAddress? peer, ForwardedHeadersOptions trust)
    {
        if (peer is null || (trust.KnownProxies.Count == 0 && trust.KnownIPNetworks.Count == 0))
        {
            return false;
        }

        var candidates = peer.IsIPv4MappedToIPv6 ? new[] { peer, peer.MapToIPv4() } : [peer];
        foreach (var address in candidates)
        {
            if (trust.KnownProxies.Contains(address) || trust.KnownIPNetworks.Any(network => network.Contains(address)))
            {
                return true;
            }
        }

        return false;
    }

    private static void Strip(IHeaderDictionary requestHeaders, ClientAddressHeaders headers)
    {
        // Enumerated, not requestHeaders.Keys: Kestrel builds a new HashSet of the names for Keys.
        List<string>? doomed = null;
        foreach (var (name, _) in requestHeaders)
        {
            if (headers.Matches(name))
            {
                (doomed ??= []).Add(name);
            }
        }

        if (doomed is not null)
        {
            foreach (var name in doomed)
            {
                requestHeaders.Remove(name);
            }
        }
    }
}
