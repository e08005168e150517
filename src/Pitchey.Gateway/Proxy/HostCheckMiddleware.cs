using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Pitchey.Gateway.Errors;
using Pitchey.Gateway.HealthProbes;
using Pitchey.Gateway.Management;

namespace Pitchey.Gateway.Proxy;

/// <summary>
/// ASP.NET Core's host filtering (the standard <c>AllowedHosts</c> setting, <c>;</c>-separated,
/// <c>*.example.com</c> for subdomains, <c>*</c> for any) with two differences: a foreign Host is
/// answered 400 in the gateway's error shape rather than an HTML page, and the Kubernetes probes
/// (<c>/health/live</c>, <c>/health/ready</c>, <c>/health</c>) are exempt, because the kubelet
/// sends the pod's IP as Host. It runs after the forwarded-headers step, so behind a trusted
/// proxy the Host checked is the one the client asked that proxy for.
/// </summary>
internal sealed class HostCheckMiddleware(RequestDelegate next, IOptionsMonitor<HostFilteringOptions> options)
{
    private Allowed? _allowed;

    public Task InvokeAsync(HttpContext context)
    {
        var allowed = Current(options.CurrentValue);
        // The management listener checks its own list (Management:AllowedHosts) in its guard.
        if (allowed.Any || HealthProbePaths.IsKubernetesProbe(context.Request.Path) || ManagementConnection.Is(context))
        {
            return next(context);
        }

        var host = context.Request.Host;
        if (!host.HasValue ? allowed.Empty : HostString.MatchesAny(new StringSegment(host.Host), allowed.Patterns))
        {
            return next(context);
        }

        return ErrorResponses.WriteAsync(context, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest,
            "The Host header names a host this gateway does not serve (AllowedHosts).");
    }

    private Allowed Current(HostFilteringOptions current)
    {
        var allowed = Volatile.Read(ref _allowed);
        if (allowed is not null && ReferenceEquals(allowed.Source, current))
        {
            return allowed;
        }

        var patterns = current.AllowedHosts.Select(h => new StringSegment(h)).ToArray();
        allowed = new Allowed(current, patterns.Length == 0 || patterns.Any(p => p.Equals("*", StringComparison.Ordinal)), current.AllowEmptyHosts, patterns);
        Volatile.Write(ref _allowed, allowed);
        return allowed;
    }

    private sealed record Allowed(HostFilteringOptions Source, bool Any, bool Empty, StringSegment[] Patterns);
}
