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

        // Runs on every request behind a trusted proxy: plain loops, no array or closure per call.
        return IsTrusted(peer, trust) || (peer.IsIPv4MappedToIPv6 && IsTrusted(peer.MapToIPv4(), trust));
    }

    private static bool IsTrusted(IPAddress address, ForwardedHeadersOptions trust)
    {
        if (trust.KnownProxies.Contains(address))
        {
            return true;
        }

        foreach (var network in trust.KnownIPNetworks)
        {
            if (network.Contains(address))
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
