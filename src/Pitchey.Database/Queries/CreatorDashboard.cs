namespace Pitchey.Database.Queries;

/// <summary>The creator dashboard's body (the existing API's names).</summary>
public sealed record CreatorDashboard(CreatorOverview Overview, IReadOnlyList<RecentPitch> RecentPitches);
