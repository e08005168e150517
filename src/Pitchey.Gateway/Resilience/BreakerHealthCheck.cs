using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pitchey.Database.Diagnostics;
using Polly.CircuitBreaker;

namespace Pitchey.Gateway.Resilience;

/// <summary>
/// Reports the breakers to the probe cache: degraded (never unhealthy) while any breaker is not
/// closed, because the gateway itself still serves probes and its own endpoints. Its data shows
/// every cluster's state and, when open, the seconds until the next probe.
/// </summary>
internal sealed class BreakerHealthCheck(BreakerRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // The API cluster is always reported, even before its first request made a breaker.
        registry.Get(ResilienceKeys.ApiCluster);

        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var notClosed = new List<string>();
        foreach (var breaker in registry.All().OrderBy(b => b.ClusterId, StringComparer.Ordinal))
        {
            var state = breaker.State;
            var counts = breaker.Counts;
            var view = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["state"] = CircuitStates.Word(state),
                ["failures"] = counts.Failures,
                ["successes"] = counts.Successes,
                ["rejections"] = counts.Rejections,
            };
            if (state != CircuitState.Closed)
            {
                view["retryAfterSeconds"] = breaker.RetryAfterSeconds(state);
                notClosed.Add($"{breaker.ClusterId} {CircuitStates.Word(state)}");
            }

            data[breaker.ClusterId] = view;
        }

        var result = notClosed.Count == 0
            ? HealthCheckResult.Healthy("All circuit breakers closed.", data)
            : HealthCheckResult.Degraded($"Circuit breaker not closed: {string.Join(", ", notClosed)}.", data: data);
        return Task.FromResult(result);
    }
}
