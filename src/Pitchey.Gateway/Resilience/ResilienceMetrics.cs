using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Pitchey.Gateway.Diagnostics;
using Polly.CircuitBreaker;

namespace Pitchey.Gateway.Resilience;

/// <summary>Breaker and retry instruments, on the gateway's one <see cref="GatewayTelemetry.Meter"/>.</summary>
internal static class ResilienceMetrics
{
    public const string ClusterTag = "cluster";
    public const string StateTag = "state";

    public static readonly Counter<long> Transitions = GatewayTelemetry.Meter.CreateCounter<long>(
        "pitchey.breaker.transitions", description: "Circuit-breaker state changes, tagged with the cluster and the new state.");

    public static readonly Counter<long> Rejections = GatewayTelemetry.Meter.CreateCounter<long>(
        "pitchey.breaker.rejections", description: "Requests answered 503 by an open or isolated breaker, never forwarded.");

    public static readonly Counter<long> Retries = GatewayTelemetry.Meter.CreateCounter<long>(
        "pitchey.upstream.retries", description: "Retries after a failed connection to the upstream, before any byte was sent.");

    /// <summary>Every live registry; the gauge reads them (tests run several gateways in one process).</summary>
    private static readonly ConcurrentDictionary<BreakerRegistry, byte> Registries = new();

    public static readonly ObservableGauge<int> State = GatewayTelemetry.Meter.CreateObservableGauge(
        "pitchey.breaker.state", ObserveStates,
        description: "Circuit-breaker state per cluster: 0 closed, 1 half-open, 2 open, 3 isolated.");

    public static void Track(BreakerRegistry registry) => Registries.TryAdd(registry, 0);

    public static void Untrack(BreakerRegistry registry) => Registries.TryRemove(registry, out _);

    public static int GaugeValue(CircuitState state) => state switch
    {
        CircuitState.Closed => 0,
        CircuitState.HalfOpen => 1,
        CircuitState.Open => 2,
        _ => 3,
    };

    private static IEnumerable<Measurement<int>> ObserveStates()
    {
        foreach (var registry in Registries.Keys)
        {
            foreach (var breaker in registry.All())
            {
                yield return new Measurement<int>(GaugeValue(breaker.State), new KeyValuePair<string, object?>(ClusterTag, breaker.ClusterId));
            }
        }
    }
}
