namespace Pitchey.Migrations.Verification;

/// <summary>The result of <c>migrate verify</c>.</summary>
public sealed record VerifyReport(IReadOnlyList<QueryPlan> Queries, IReadOnlyList<string> UnusedIndexes, IReadOnlyList<LargeScan> LargeScans)
{
    /// <summary>0 every index used and no large scan; 1 findings; 2 a query could not be planned.</summary>
    public int ExitCode => Queries.Any(q => q.Error is not null) ? 2 : UnusedIndexes.Count > 0 || LargeScans.Count > 0 ? 1 : 0;
}
