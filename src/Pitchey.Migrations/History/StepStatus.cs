namespace Pitchey.Migrations.History;

/// <summary>Status of a history row (a step), and of a run row (<see cref="Running"/> until it ends).</summary>
internal static class StepStatus
{
    public const string Started = "started";
    public const string Done = "done";
    public const string Existing = "existing";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string RolledBack = "rolled_back";
    public const string Running = "running";
}
