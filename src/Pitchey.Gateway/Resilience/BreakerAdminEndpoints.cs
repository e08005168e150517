using Pitchey.Database.Diagnostics;
using Polly.CircuitBreaker;
using Yarp.ReverseProxy;

namespace Pitchey.Gateway.Resilience;

/// <summary>
/// Operators' manual control: list the breakers, isolate one (hold it open), reset one (close it).
/// On the management plane, behind its key; the controls are POST only. Mapped by
/// <see cref="ResilienceExtensions.MapBreakerAdmin"/>.
/// </summary>
internal static class BreakerAdminEndpoints
{
    public const string Prefix = "/admin/breakers";

    /// <summary>Every configured cluster, each with a breaker made for it if it had none yet.</summary>
    public static IResult List(BreakerRegistry registry, IProxyStateLookup proxy)
    {
        foreach (var cluster in proxy.GetClusters())
        {
            registry.Get(cluster.ClusterId);
        }

        return Results.Ok(new { clusters = registry.All().OrderBy(b => b.ClusterId, StringComparer.Ordinal).Select(View).ToArray() });
    }

    public static Task<IResult> IsolateAsync(string cluster, BreakerRegistry registry, IProxyStateLookup proxy) =>
        ControlAsync(cluster, registry, proxy, static breaker => breaker.IsolateAsync());

    public static Task<IResult> ResetAsync(string cluster, BreakerRegistry registry, IProxyStateLookup proxy) =>
        ControlAsync(cluster, registry, proxy, static breaker => breaker.ResetAsync());

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

    /// <summary>One breaker as the admin endpoints and the status page show it.</summary>
    public static object View(ClusterBreaker breaker)
    {
        var state = breaker.State;
        var counts = breaker.Counts;
        return new
        {
            cluster = breaker.ClusterId,
            state = CircuitStates.Word(state),
            retryAfterSeconds = state == CircuitState.Closed ? (long?)null : breaker.RetryAfterSeconds(state),
            failures = counts.Failures,
            successes = counts.Successes,
            ignored = counts.Ignored,
            rejections = counts.Rejections,
        };
    }
}
