namespace Pitchey.Database.Insight;

/// <summary>One round of the insight: every host's workload and the primary's catalog. Immutable.</summary>
/// <param name="Catalog">Null when the primary's catalog could not be read (<paramref name="CatalogError"/> says why).</param>
public sealed record WorkloadSnapshot(DateTimeOffset TakenAt, HostWorkload Primary, IReadOnlyList<HostWorkload> Replicas, CatalogFacts? Catalog, string? CatalogError)
{
    /// <summary>The primary first, then the replicas in settings order.</summary>
    public IEnumerable<HostWorkload> Hosts => Replicas.Prepend(Primary);
}
