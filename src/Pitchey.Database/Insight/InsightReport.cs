namespace Pitchey.Database.Insight;

/// <summary>
/// The result of one round: the snapshot, the recommendations drawn from it and notes on advice
/// withheld (a replica that could not be read, statistics too young). Immutable, swapped whole.
/// </summary>
public sealed record InsightReport(long Sequence, WorkloadSnapshot Snapshot, IReadOnlyList<Recommendation> Recommendations, IReadOnlyList<string> Notes);
