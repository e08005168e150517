using System.Text.Json.Serialization;

namespace Pitchey.Database.Queries;

/// <summary>
/// A creator's totals. <c>totalInvestments</c> counts investments in the creator's pitches,
/// <c>activeDeals</c> those with status <c>active</c>, <c>pendingActions</c> NDA requests awaiting
/// the creator, <c>totalNDAs</c> NDAs on the creator's pitches.
/// </summary>
public sealed record CreatorOverview(
    long TotalPitches,
    long TotalViews,
    long TotalFollowers,
    long TotalInvestments,
    long ActiveDeals,
    long PendingActions,
    [property: JsonPropertyName("totalNDAs")] long TotalNdas);
