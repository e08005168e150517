using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Model;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// Which endpoints are cached, and how. The marker is ASP.NET Core's own
/// <see cref="OutputCacheAttribute"/>: YARP puts it on a route's endpoint from the route's
/// <c>OutputCachePolicy</c>, the tuned endpoints carry one naming their policy. A name whose policy
/// has a TTL of 0 (or none) leaves the endpoint uncached. Resolved once per endpoint: a reload of
/// <c>gateway.json</c> makes new endpoints.
/// </summary>
internal sealed class CacheRoutes
{
    private static readonly Holder NotCached = new(null);

    private readonly ConditionalWeakTable<Endpoint, Holder> _byEndpoint = [];
    private readonly Dictionary<string, CachePolicy> _policies;
    private readonly bool _enabled;

    public CacheRoutes(IOptions<CacheOptions> options)
    {
        _enabled = options.Value.Enabled;
        _policies = options.Value.Policies
            .Where(p => p.Value is { Ttl.Ticks: > 0 })
            .ToDictionary(p => p.Key, p => CachePolicy.From(p.Key, p.Value), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The policies in force (TTL above zero).</summary>
    public IReadOnlyDictionary<string, CachePolicy> Policies => _policies;

    public CacheRoute? For(Endpoint? endpoint)
    {
        if (!_enabled || endpoint is null)
        {
            return null;
        }

        return (_byEndpoint.TryGetValue(endpoint, out var holder) ? holder : _byEndpoint.GetValue(endpoint, Resolve)).Route;
    }

    private Holder Resolve(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName is not { } name || !_policies.TryGetValue(name, out var policy))
        {
            return NotCached;
        }

        var route = endpoint.Metadata.GetMetadata<RouteModel>();
        return new Holder(new CacheRoute(policy, route?.Config.RouteId ?? policy.Name, route is not null));
    }

    private sealed record Holder(CacheRoute? Route);
}
