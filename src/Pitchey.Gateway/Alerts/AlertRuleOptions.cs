namespace Pitchey.Gateway.Alerts;

/// <summary>One alert rule (<c>Alerts:Rules:&lt;name&gt;</c>); bounds in <see cref="AlertConstants"/>.</summary>
internal sealed class AlertRuleOptions
{
    /// <summary>What it watches: one of <see cref="AlertKind"/>. Required. A string, so a typo stops start-up.</summary>
    public string? Kind { get; set; }

    /// <summary>
    /// Above this it fires: milliseconds (QueryLatency, default 250), a share 0..1 (ErrorRate, default
    /// 0.05; PoolSaturation, default 0.9), seconds (ReplicaLag, default Database:Routing:MaxLagSeconds;
    /// ProbeRefresh, default HealthProbes:CacheTtl + RunTimeout). Not used by BreakerOpen and InvalidIndex.
    /// </summary>
    public double? Threshold { get; set; }

    /// <summary>What QueryLatency and ErrorRate look back over. Default 00:05:00, range 1 s..1 day.</summary>
    public TimeSpan Window { get; set; } = AlertConstants.DefaultWindow;

    /// <summary>Fewer requests or queries than this in the window say nothing (no alert, and a firing one resolves). Default 20.</summary>
    public long MinimumRequests { get; set; } = AlertConstants.DefaultMinimumRequests;

    /// <summary>How long the condition must hold before the alert fires. Default 0 (at once), range 0..1 day.</summary>
    public TimeSpan For { get; set; }

    /// <summary>
    /// After a firing notice, no new one for the same alert for this long, even if it resolved and came
    /// back (flapping); while it stays active nothing is repeated anyway. Default 00:10:00, range 0..7 days.
    /// </summary>
    public TimeSpan Cooldown { get; set; } = AlertConstants.DefaultCooldown;

    /// <summary><c>info</c>, <c>warning</c> (default) or <c>critical</c>: passed on in the notice.</summary>
    public string Severity { get; set; } = "warning";

    /// <summary>QueryLatency: only this tuned query (<c>browse</c>, ...). Default: each query alerts on its own.</summary>
    public string? Query { get; set; }

    /// <summary>BreakerOpen: only this cluster. Default: every cluster.</summary>
    public string? Cluster { get; set; }

    /// <summary>ReplicaLag and PoolSaturation: only this host (<c>replica1</c>) or pool. Default: every one.</summary>
    public string? Host { get; set; }

    /// <summary>Names of the webhooks (<c>Alerts:Webhooks</c>) it notifies. Default: all of them. The log always.</summary>
    public IList<string> Webhooks { get; } = [];

    /// <summary>Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><see cref="Kind"/> parsed; null when it names no kind.</summary>
    internal AlertKind? KindValue =>
        Enum.TryParse<AlertKind>(Kind, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(Kind, out _) ? kind : null;
}
