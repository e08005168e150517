using System.Diagnostics.Metrics;
using Pitchey.Database.Diagnostics;
using Pitchey.Gateway.Resilience;
using Polly.CircuitBreaker;

namespace Pitchey.Gateway.Diagnostics;

/// <summary>
/// Breaker and retry instruments, on the gateway's meter from <see cref="IMeterFactory"/>. Each
/// host has its own factory, hence its own meter, so several gateways in one process (tests) each
/// report their own breakers.
/// </summary>
internal sealed class ResilienceMetrics
{
    public const string ClusterTag = "cluster";
    public const string StateTag = "state";

    private readonly Meter _meter;
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _retries;

    public ResilienceMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(GatewayTelemetry.Name);
        _transitions = _meter.CreateCounter<long>(
            "pitchey.breaker.transitions", description: "Circuit-breaker state changes, tagged with the cluster and the new state.");
        _rejections = _meter.CreateCounter<long>(
            "pitchey.breaker.rejections", description: "Requests answered 503 by an open or isolated breaker, never forwarded.");
        _retries = _meter.CreateCounter<long>(
            "pitchey.upstream.retries", description: "Retries after a failed connection to the upstream, before any byte was sent.");
    }

    public void Transitioned(string clusterId, CircuitState state) =>
        _transitions.Add(1, Cluster(clusterId), new KeyValuePair<string, object?>(StateTag, CircuitStates.Word(state)));

    public void Rejected(string clusterId) => _rejections.Add(1, Cluster(clusterId));

    public void Retried(string clusterId) => _retries.Add(1, Cluster(clusterId));

    /// <summary>The state gauge, reading <paramref name="registry"/>: the host's one registry calls this once.</summary>
    public void ObserveStates(BreakerRegistry registry) => _meter.CreateObservableGauge(
        "pitchey.breaker.state",
        () => registry.All().Select(breaker => new Measurement<int>(CircuitStates.GaugeValue(breaker.State), Cluster(breaker.ClusterId))),
        description: "Circuit-breaker state per cluster: 0 closed, 1 half-open, 2 open, 3 isolated.");

    private static KeyValuePair<string, object?> Cluster(string clusterId) => new(ClusterTag, clusterId);
}
