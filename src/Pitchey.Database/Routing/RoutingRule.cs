namespace Pitchey.Database.Routing;

/// <summary>Where one named query may run (<c>Database:Routing:Rules:&lt;query&gt;</c>).</summary>
public sealed class RoutingRule
{
    /// <summary>
    /// <c>Replica</c> (default): a replica within the lag budget, else the primary.
    /// <c>Primary</c>: always the primary (for example session lookups right after a login).
    /// A string, so that a typo stops start-up instead of silently meaning <c>Replica</c>.
    /// </summary>
    public string Target { get; set; } = nameof(RoutingTarget.Replica);

    /// <summary><see cref="Target"/> parsed; null when it names no target.</summary>
    internal RoutingTarget? TargetKind =>
        Enum.TryParse<RoutingTarget>(Target, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(Target, out _) ? kind : null;

    /// <summary>
    /// This query's lag budget in seconds, instead of <c>Database:Routing:MaxLagSeconds</c>.
    /// Default: that setting; range 0..86400.
    /// </summary>
    public double? MaxLagSeconds { get; set; }
}
