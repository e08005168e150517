using Pitchey.LoadTests.Harness.Reports;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>What the run measured, for a scenario's figures that are worked out from it (requests per database query per label).</summary>
/// <param name="Labels">The scenario's labels, in order; series index = target × labels + label.</param>
/// <param name="Targets">Per target, its totals and labels.</param>
/// <param name="ServerSide">The samplers' reports.</param>
/// <param name="Statements">Every statement pg_stat_statements counted during the window (not only the report's top ones); empty without it.</param>
/// <param name="WindowSeconds">The measured window as it happened.</param>
internal sealed record RunResults(
    IReadOnlyList<string> Labels,
    IReadOnlyList<TargetReport> Targets,
    IReadOnlyList<ServerSideReport> ServerSide,
    IReadOnlyList<StatementReport> Statements,
    double WindowSeconds);
