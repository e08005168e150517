namespace Pitchey.Database.Queries;

/// <summary>A browse page. <paramref name="RowsBefore"/> counts the rows ahead of it (offset or cursor position).</summary>
public sealed record BrowsePage(
    IReadOnlyList<PitchCard> Items, long Total, bool TotalIsEstimate, bool HasMore, BrowseCursor? Next, long RowsBefore);
