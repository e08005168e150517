using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using Pitchey.Gateway.Limits;
using Pitchey.Gateway.RateLimiting;

namespace Pitchey.Gateway.Proxy;

/// <summary>
/// Every route's <c>RateLimiterPolicy</c> names a policy of <c>RateLimiting:Policies</c> (or YARP's
/// <c>Default</c>/<c>Disable</c>): a typo would otherwise leave the route unlimited or failing.
/// Its <c>Metadata:MaxRequestBodySize</c> is a byte count and <c>Metadata:AllowedMethods</c> a list
/// of HTTP methods. Each failure names the route's full key, e.g.
/// <c>ReverseProxy:Routes:api:RateLimiterPolicy names policy 'apii', which is not defined under RateLimiting:Policies.</c>
/// </summary>
internal sealed class ProxyRouteSettingsValidator(IOptions<RateLimitingOptions> rateLimiting) : IValidateOptions<ProxyRouteSettings>
{
    public ValidateOptionsResult Validate(string? name, ProxyRouteSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors($"{ProxyRouteSettings.SectionName}:Routes");
        var policies = rateLimiting.Value.Policies;
        foreach (var (routeId, route) in options.Routes)
        {
            if (route is null)
            {
                continue;
            }

            var section = errors.Section(routeId);
            if (route.RateLimiterPolicy is { Length: > 0 } policy
                && !policies.ContainsKey(policy)
                && !string.Equals(policy, RateLimitingConstants.YarpDefaultPolicy, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(policy, RateLimitingConstants.YarpDisablePolicy, StringComparison.OrdinalIgnoreCase))
            {
                section.Add(nameof(route.RateLimiterPolicy), $"names policy '{policy}', which is not defined under RateLimiting:Policies.");
            }

            if (route.Metadata.TryGetValue(LimitsConstants.MaxRequestBodySizeMetadata, out var size) && !RouteLimits.TryParseSize(size, out _))
            {
                section.Add($"Metadata:{LimitsConstants.MaxRequestBodySizeMetadata}",
                    $"must be a whole number of bytes between 0 and {LimitsConstants.MaxMaxRequestBodySize}.");
            }

            if (route.Metadata.TryGetValue(LimitsConstants.AllowedMethodsMetadata, out var methods)
                && !HttpMethodNames.TryParseList(methods, out _, out var position))
            {
                section.Add($"Metadata:{LimitsConstants.AllowedMethodsMetadata}",
                    $"has entry {position}, which is not an HTTP method (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE, CONNECT; upper case).");
            }
        }

        return errors.Result;
    }
}
