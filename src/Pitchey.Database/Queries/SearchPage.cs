namespace Pitchey.Database.Queries;

/// <summary>A ranked page of matches; <paramref name="TotalIsEstimate"/> when the candidate limit was reached.</summary>
public sealed record SearchPage(IReadOnlyList<PitchCard> Items, long Total, bool TotalIsEstimate, bool HasMore);
