namespace Pitchey.Database.Queries;

/// <summary>
/// Platform-wide totals (the existing API's names). <c>totalPitches</c> counts published, public
/// pitches; <c>totalViews</c> sums view counts of all pitches; <c>totalInvestments</c> counts
/// investments; <c>activeUsers</c> counts active accounts; <c>newPitchesThisWeek</c> counts
/// published, public pitches created in the last 7 days.
/// </summary>
public sealed record PlatformStats(
    long TotalPitches, long TotalViews, long TotalInvestments, long ActiveUsers, long NewPitchesThisWeek, DateTimeOffset LastUpdated);
