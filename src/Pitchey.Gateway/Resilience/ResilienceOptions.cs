namespace Pitchey.Gateway.Resilience;

/// <summary>
/// Fault handling in front of each YARP cluster. Bound from <c>Resilience</c>; each cluster's
/// settings sit under <c>Resilience:Clusters:&lt;clusterId&gt;</c>, and a cluster without an entry
/// gets the defaults (<see cref="ClusterResilienceConstants"/>). Reloaded when the configuration
/// files change (<see cref="BreakerRegistry"/>).
/// </summary>
internal sealed class ResilienceOptions
{
    public const string SectionName = "Resilience";

    private static readonly ClusterResilienceOptions Default = new();

    /// <summary>Per-cluster settings, keyed by the cluster id used under <c>ReverseProxy:Clusters</c>. Default: none.</summary>
    public Dictionary<string, ClusterResilienceOptions> Clusters { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ClusterResilienceOptions For(string clusterId) =>
        Clusters.TryGetValue(clusterId, out var options) ? options : Default;
}
