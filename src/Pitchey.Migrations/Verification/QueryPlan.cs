namespace Pitchey.Migrations.Verification;

/// <summary>How one representative query is planned.</summary>
public sealed record QueryPlan(string Name, int Line, IReadOnlyList<string> IndexesUsed, IReadOnlyList<string> SeqScans, string? Error);
