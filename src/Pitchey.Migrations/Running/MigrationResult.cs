using Pitchey.Migrations.Throttling;
using Pitchey.Migrations.Verification;

namespace Pitchey.Migrations.Running;

/// <summary>What apply or rollback did.</summary>
/// <param name="Regressions">Representative queries whose plan got worse over the apply (see <see cref="PlanComparer"/>).</param>
/// <param name="QueriesValidated">Representative queries planned before and after the apply; 0 when the validation did not run.</param>
/// <param name="Impact">Time throttled and the peak figures of the apply; <see cref="ImpactSummary.None"/> for a rollback.</param>
public sealed record MigrationResult(
    int Built,
    int Ran,
    int Skipped,
    int Dropped,
    IReadOnlyList<string> Conflicts,
    IReadOnlyList<string> NotRun,
    IReadOnlyList<string> InvalidLeft,
    MigrationFailure? Failure,
    bool Cancelled,
    IReadOnlyList<PlanRegression> Regressions,
    int QueriesValidated,
    ImpactSummary Impact)
{
    /// <summary>0 done, 1 done but with conflicts, statements the lint did not allow, or plan regressions (to look at), 2 failed, 130 cancelled.</summary>
    public int ExitCode => Cancelled ? 130 : Failure is not null ? 2 : Conflicts.Count > 0 || NotRun.Count > 0 || Regressions.Count > 0 ? 1 : 0;
}
