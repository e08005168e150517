namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>
/// Everything one <c>run</c> measured, as written to <c>report.json</c> (camelCase): the only input
/// of every report writer (<see cref="IReportWriter"/>) and of a later run's <c>--baseline</c>. All
/// latencies are microseconds (<c>...Us</c>), rates requests per second, times seconds unless the name
/// says otherwise. Figures cover the measured window only; the warm-up is discarded.
/// </summary>
/// <param name="SchemaVersion">Bumped when a field changes meaning or goes away (adding fields does not).</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Description">What the scenario does.</param>
/// <param name="StartedAt">Wall-clock time the load began (UTC).</param>
/// <param name="Settings">The command line.</param>
/// <param name="Machine">Where it ran.</param>
/// <param name="Client">What the harness itself cost.</param>
/// <param name="WindowSeconds">The measured window as it happened (shorter than asked when cut).</param>
/// <param name="EndedBy">"duration", "max-requests" or "cancelled".</param>
/// <param name="Targets">--target first, then each --compare.</param>
/// <param name="ServerSide">What the samplers saw during the window.</param>
/// <param name="Events">The scenario's timed actions and observations, in time order.</param>
/// <param name="Thresholds">--threshold results.</param>
/// <param name="Baseline">The --baseline comparison; null without.</param>
/// <param name="Passed">Every threshold held and nothing regressed against the baseline.</param>
/// <param name="ExitCode">The run's exit code (0 passed, 3 thresholds or baseline not met, 130 cancelled).</param>
/// <param name="Figures">The scenario's own figures (breaker, failover, connections, memory, soak drift, queries per label); empty when it has none, null in reports written before they existed.</param>
internal sealed record RunReport(
    int SchemaVersion,
    string Scenario,
    string Description,
    DateTimeOffset StartedAt,
    RunSettingsReport Settings,
    MachineReport Machine,
    ClientReport Client,
    double WindowSeconds,
    string EndedBy,
    IReadOnlyList<TargetReport> Targets,
    IReadOnlyList<ServerSideReport> ServerSide,
    IReadOnlyList<RunEventReport> Events,
    IReadOnlyList<ThresholdReport> Thresholds,
    BaselineReport? Baseline,
    bool Passed,
    int ExitCode,
    IReadOnlyList<FigureSetReport>? Figures = null)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The first target: what thresholds and the baseline judge.</summary>
    public TargetReport Main => Targets[0];
}
