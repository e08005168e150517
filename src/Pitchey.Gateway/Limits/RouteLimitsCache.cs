using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;

namespace Pitchey.Gateway.Limits;

/// <summary>
/// <see cref="RouteLimits"/> per YARP route configuration. A reload of <c>gateway.json</c> makes new
/// <see cref="RouteConfig"/> objects, so their limits are parsed afresh and the old entries go with
/// the old objects.
/// </summary>
internal sealed partial class RouteLimitsCache(IOptions<LimitsOptions> options, ILogger<RouteLimitsCache> logger)
{
    private readonly ConditionalWeakTable<RouteConfig, RouteLimits> _byRoute = [];
    private RouteLimits? _defaults;

    public RouteLimits Defaults => _defaults ??= RouteLimits.Defaults(options.Value);

    public RouteLimits For(RouteConfig route) =>
        _byRoute.TryGetValue(route, out var limits) ? limits : _byRoute.GetValue(route, Parse);

    private RouteLimits Parse(RouteConfig route)
    {
        var limits = RouteLimits.For(route.Metadata, options.Value, out var problem);
        if (problem is not null)
        {
            LogInvalid(logger, route.RouteId, problem);
        }

        return limits;
    }
}
