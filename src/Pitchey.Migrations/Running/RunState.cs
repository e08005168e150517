using Pitchey.Migrations.Throttling;
using Pitchey.Migrations.Verification;

namespace Pitchey.Migrations.Running;

/// <summary>What one apply or rollback has done so far; <see cref="Result"/> freezes it.</summary>
internal sealed class RunState
{
    /// <summary>The apply's row in the runs table; null for a rollback.</summary>
    public long? RunId { get; set; }

    public int Built { get; set; }

    public int Ran { get; set; }

    public int Skipped { get; set; }

    public int Dropped { get; set; }

    public List<string> Conflicts { get; } = [];

    public List<string> NotRun { get; } = [];

    public List<string> InvalidLeft { get; } = [];

    public List<PlanRegression> Regressions { get; } = [];

    public int QueriesValidated { get; set; }

    public ImpactSummary Impact { get; set; } = ImpactSummary.None;

    public MigrationFailure? Failure { get; set; }

    public bool Cancelled { get; set; }

    public MigrationResult Result() => new(
        Built, Ran, Skipped, Dropped, Conflicts, NotRun, InvalidLeft.Distinct().ToList(), Failure, Cancelled, Regressions, QueriesValidated, Impact);
}
