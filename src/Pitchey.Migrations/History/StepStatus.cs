namespace Pitchey.Migrations.History;

/// <summary>Status of a history row.</summary>
internal static class StepStatus
{
    public const string Started = "started";
    public const string Done = "done";
    public const string Existing = "existing";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string RolledBack = "rolled_back";
}
