namespace Pitchey.Migrations.Verification;

/// <summary>How one representative query is planned: the indexes and sequential scans in its plan, and the planner's total cost estimate.</summary>
public sealed record QueryPlan(string Name, int Line, IReadOnlyList<string> IndexesUsed, IReadOnlyList<string> SeqScans, string? Error, double? TotalCost = null);
