using Pitchey.Gateway.Proxy;
using Polly.CircuitBreaker;
using Yarp.ReverseProxy;

namespace Pitchey.Gateway.Resilience;

/// <summary>
/// Operators' manual control: list the breakers, isolate one (hold it open), reset one (close it).
/// Loopback callers only, by the same rule as <c>/api/health/detailed</c>.
/// </summary>
internal static class BreakerAdminEndpoints
{
    public static IEndpointRouteBuilder MapBreakerAdmin(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/admin/breakers").AddEndpointFilter(async (context, next) =>
            LocalCallers.IsLocal(context.HttpContext)
                ? await next(context)
                : Results.Problem("/admin/breakers is served to loopback callers only.", statusCode: StatusCodes.Status403Forbidden));

        group.MapGet("/", (BreakerRegistry registry, IProxyStateLookup proxy) =>
        {
            foreach (var cluster in proxy.GetClusters())
            {
                registry.Get(cluster.ClusterId);
            }

            return Results.Ok(new { clusters = registry.All().OrderBy(b => b.ClusterId, StringComparer.Ordinal).Select(View).ToArray() });
        }).WithDisplayName("admin: breakers");

        group.MapPost("/{cluster}/isolate", (string cluster, BreakerRegistry registry, IProxyStateLookup proxy) =>
            ControlAsync(cluster, registry, proxy, static breaker => breaker.IsolateAsync()))
            .WithDisplayName("admin: isolate breaker");

        group.MapPost("/{cluster}/reset", (string cluster, BreakerRegistry registry, IProxyStateLookup proxy) =>
            ControlAsync(cluster, registry, proxy, static breaker => breaker.ResetAsync()))
            .WithDisplayName("admin: reset breaker");

        return endpoints;
    }

    private static async Task<IResult> ControlAsync(
        string cluster, BreakerRegistry registry, IProxyStateLookup proxy, Func<ClusterBreaker, Task> action)
    {
        if (!proxy.TryGetCluster(cluster, out var known))
        {
            return Results.Problem(
                $"cluster '{cluster}' is not a configured cluster (ReverseProxy:Clusters).",
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown cluster");
        }

        var breaker = registry.Get(known.ClusterId);
        await action(breaker);
        return Results.Ok(View(breaker));
    }

    private static object View(ClusterBreaker breaker)
    {
        var state = breaker.State;
        var counts = breaker.Counts;
        return new
        {
            cluster = breaker.ClusterId,
            state = ClusterBreaker.StateWord(state),
            retryAfterSeconds = state == CircuitState.Closed ? (long?)null : breaker.RetryAfterSeconds(state),
            failures = counts.Failures,
            successes = counts.Successes,
            ignored = counts.Ignored,
            rejections = counts.Rejections,
        };
    }
}
