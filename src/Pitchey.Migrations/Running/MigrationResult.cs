namespace Pitchey.Migrations.Running;

/// <summary>What apply or rollback did.</summary>
public sealed record MigrationResult(
    int Built,
    int Ran,
    int Skipped,
    int Dropped,
    IReadOnlyList<string> Conflicts,
    IReadOnlyList<string> NotRun,
    IReadOnlyList<string> InvalidLeft,
    MigrationFailure? Failure,
    bool Cancelled)
{
    /// <summary>0 done, 1 done but with conflicts or statements the lint did not allow (to look at), 2 failed, 130 cancelled.</summary>
    public int ExitCode => Cancelled ? 130 : Failure is not null ? 2 : Conflicts.Count > 0 || NotRun.Count > 0 ? 1 : 0;
}
